package org.govsite.output.render;

import org.govsite.output.Paths;

import org.govsite.model.ReportSummary;
import org.govsite.output.ArchiveIndex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A row of a list of reports with their key figures; "—" where a report has no such figure. */
public record ListingRows(List<String> figureLabels, List<Row> rows, List<String> totals) {
    public static final String NONE = "—";

    public ListingRows {
        figureLabels = List.copyOf(figureLabels);
        rows = List.copyOf(rows);
        totals = totals == null ? null : List.copyOf(totals);
    }

    public record Row(String label, String href, boolean sample, List<String> figures) {
        public Row {
            figures = List.copyOf(figures);
        }
    }

    interface Labeller {
        String label(ReportSummary r);
    }

    static ListingRows of(ArchiveIndex archive, List<ReportSummary> reports, Labeller labeller, String root,
                          boolean withTotals) {
        List<String> labels = archive.figures().stream().map(ArchiveIndex.Figure::label).toList();
        List<Row> rows = new ArrayList<>();
        BigDecimal[] sums = new BigDecimal[archive.figures().size()];
        boolean any = false;
        for (ReportSummary r : reports) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < archive.figures().size(); i++) {
                Optional<ReportSummary.Figure> f = r.figure(archive.figures().get(i).key());
                values.add(f.map(x -> x.value().toPlainString()).orElse(NONE));
                if (f.isPresent()) {
                    sums[i] = sums[i] == null ? f.get().value() : sums[i].add(f.get().value());
                    any = true;
                }
            }
            rows.add(new Row(labeller.label(r), root + Paths.report(r.agencyId(), r.year()), r.sample(), values));
        }
        List<String> totals = null;
        if (withTotals && any) {
            totals = new ArrayList<>();
            for (BigDecimal s : sums) {
                totals.add(s == null ? NONE : s.toPlainString());
            }
        }
        return new ListingRows(labels, rows, totals);
    }
}

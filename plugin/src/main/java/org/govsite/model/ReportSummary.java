package org.govsite.model;

import org.govsite.format.KeyFigureDef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the archive's lists keep of a report once its page is written: small, so that memory does not grow with the
 * size of the reports.
 */
public record ReportSummary(String agencyId, String agencyName, int year, String title, Optional<LocalDate> published,
                            boolean sample, Optional<String> formatId, List<Figure> figures) {
    public ReportSummary {
        figures = List.copyOf(figures);
    }

    /** One key figure of a report. */
    public record Figure(String key, String label, BigDecimal value) {
    }

    public static ReportSummary of(Report report) {
        List<Figure> figures = new ArrayList<>();
        report.format().ifPresent(format -> {
            for (KeyFigureDef k : format.keyFigures()) {
                value(report, k).ifPresent(v -> figures.add(new Figure(k.key(), k.label(), v)));
            }
        });
        return new ReportSummary(report.agency().id(), report.agency().name(), report.year(), report.meta().title(),
                report.meta().published(), report.meta().sample(), report.meta().formatId(), figures);
    }

    /** A key figure's value: the sum of its cells, or empty if a cell is missing. */
    public static Optional<BigDecimal> value(Report report, KeyFigureDef k) {
        return report.table(k.table()).flatMap(t -> t.sum(k.cells())).map(TableValues.Sum::value);
    }

    public Optional<Figure> figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}

package org.govsite.output.render;

import org.govsite.output.Paths;

import org.govsite.load.RevisionHistory;
import org.govsite.model.Numbers;
import org.govsite.model.ReportSummary;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.PageText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the archive adds to a report page (templates changes.html, history.html, opendata.html): the change in its
 * key figures against the same agency's previous report, its revision history and its open data files.
 *
 * @param changes   {@code null} when the agency has no earlier report with key figures
 * @param corrected the date of the latest correction (已更正), as 2025年3月2日, or {@code null}
 * @param history   the revisions, oldest first; empty outside Git
 */
public record ReportExtras(Changes changes, String corrected, String correctedDate, List<RevisionView> history,
                          String jsonHref, String csvHref, String dataPageHref) {
    public ReportExtras {
        history = List.copyOf(history);
    }

    /** The comparison table. */
    public record Changes(String caption, String previousLabel, String previousHref, List<Change> rows) {
        public Changes {
            rows = List.copyOf(rows);
        }
    }

    /** One key figure: this report, the previous, and the difference in words. */
    public record Change(String label, String current, String previous, String delta, String direction) {
        /** The change in words: 增加 3, 减少 2, 持平, or — where a figure is missing. */
        public String text() {
            if (direction.isEmpty()) {
                return delta;
            }
            return new BigDecimal(delta).signum() == 0 ? direction
                    : direction + " " + delta.replace("+", "").replace("-", "");
        }
    }

    public record RevisionView(String date, String dateText, String message, String commit) {
    }

    /** 2025年3月2日. */
    public static String date(PageText text, LocalDate d) {
        return text.text("date", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /**
     * @param figures the archive's key figures (key and label), in order
     * @param root    the page's path to the site root
     */
    public static ReportExtras of(ReportSummary current, ReportSummary previous, List<ArchiveIndex.Figure> figures,
                                  RevisionHistory.History history, String root, PageText text) {
        Changes changes = null;
        if (previous != null && !previous.figures().isEmpty() && !current.figures().isEmpty()) {
            List<Change> rows = new ArrayList<>();
            for (ArchiveIndex.Figure f : figures) {
                Optional<ReportSummary.Figure> now = current.figure(f.key());
                Optional<ReportSummary.Figure> before = previous.figure(f.key());
                if (now.isEmpty() && before.isEmpty()) {
                    continue;
                }
                String delta = ListingRows.NONE;
                String direction = "";
                if (now.isPresent() && before.isPresent()) {
                    BigDecimal d = now.get().value().subtract(before.get().value());
                    delta = Numbers.signed(d);
                    direction = text.text(d.signum() > 0 ? "report.changes.up" : d.signum() < 0 ? "report.changes.down"
                            : "report.changes.same");
                }
                rows.add(new Change(f.label(), now.map(x -> x.value().toPlainString()).orElse(ListingRows.NONE),
                        before.map(x -> x.value().toPlainString()).orElse(ListingRows.NONE), delta, direction));
            }
            String label = text.text("year", previous.year());
            changes = new Changes(text.text("report.changes.caption", label), label,
                    previous.year() + ".html", rows);
        }
        List<RevisionView> revisions = history.revisions().stream()
                .map(r -> new RevisionView(r.date().toString(), date(text, r.date()), r.message(), r.commit()))
                .toList();
        String corrected = history.correctedOn().map(d -> date(text, d)).orElse(null);
        String correctedDate = history.correctedOn().map(LocalDate::toString).orElse(null);
        return new ReportExtras(changes, corrected, correctedDate, revisions,
                current.year() + ".json", current.year() + ".csv", root + Paths.DATA);
    }
}

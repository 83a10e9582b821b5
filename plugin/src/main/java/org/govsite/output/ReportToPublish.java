package org.govsite.output;

import org.govsite.check.CheckedReport;
import org.govsite.load.RevisionHistory;
import org.govsite.model.Report;
import org.govsite.model.ReportSummary;

import java.nio.file.Path;
import java.util.List;

/**
 * A checked report without errors, with what its outputs need from the rest of the archive: only published
 * neighbours, so that no page links to a page that does not exist.
 *
 * @param years    the years of the agency whose reports are published, ascending (this one included)
 * @param summary  this report's summary
 * @param previous the summary of the agency's previous published report, or {@code null}
 * @param history  the revisions of the report's folder (empty outside Git)
 * @param folder   the report's source folder
 */
public record ReportToPublish(CheckedReport checked, List<Integer> years, ReportSummary summary,
                              ReportSummary previous, RevisionHistory.History history, Path folder) {
    public ReportToPublish {
        years = List.copyOf(years);
    }

    public Report report() {
        return checked.report();
    }
}

package org.govsite.check;

import org.govsite.model.AgencyKind;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.model.Report;
import org.govsite.model.SourcePos;
import org.govsite.diagnostics.Rule;

import java.time.LocalDate;

/**
 * R10: a report is published by its legal deadline. Since the 2019 条例 (reports for 2019 on), 第四十九条: 31 January
 * for a department or township, 31 March for a government's own report. Before, the 2007 条例 第三十一条: 31 March for
 * everyone. Runs only when the report gives its publication date.
 */
final class DeadlineRule {
    /** The first report year under the 2019 条例. */
    static final int REVISED = 2019;

    private DeadlineRule() {
    }

    static LocalDate deadline(AgencyKind kind, int year) {
        return year < REVISED ? LocalDate.of(year + 1, 3, 31) : kind.deadline(year);
    }

    static void check(Report report, SourcePos at, FileDiagnostics yaml) {
        if (report.meta().published().isEmpty()) {
            return;
        }
        LocalDate published = report.meta().published().get();
        AgencyKind kind = report.agency().kind();
        LocalDate deadline = deadline(kind, report.year());
        if (published.isAfter(deadline)) {
            Message basis = report.year() < REVISED ? Message.of("R10.basis2007")
                    : Message.of("R10.basis2019", Message.of("kind." + kind.name()),
                    deadline.getMonthValue(), deadline.getDayOfMonth());
            yaml.report(Rule.R10, at, "R10.late", published.toString(), deadline.toString(), basis);
        }
    }
}

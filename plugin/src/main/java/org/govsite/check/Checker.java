package org.govsite.check;

import org.govsite.format.FormatDefinition;
import org.govsite.diagnostics.Finding;
import org.govsite.load.LoadedReport;
import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.model.Report;
import org.govsite.model.SourcePos;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;

import java.util.ArrayList;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 2, check: every rule that applies to one report, given the same agency's previous report. The outcome lists
 * the rules that ran, for the page's 数据校验 status.
 */
public final class Checker {
    public Checker() {
    }

    /**
     * The outcome of checking one report.
     *
     * @param checked  the rules that ran on it
     * @param findings what they found (the load findings of the report are not included)
     */
    public record Outcome(Set<Rule> checked, List<Finding> findings) {
        public Outcome {
            TreeSet<Rule> sorted = new TreeSet<>(Rule.ORDER);
            sorted.addAll(checked);
            checked = java.util.Collections.unmodifiableSortedSet(sorted);
            findings = List.copyOf(findings);
        }
    }

    /**
     * Every rule on one loaded report, and its narrative's links.
     *
     * @param loadFindings what loading the report found
     * @param previous     the same agency's previous report, or {@code null}
     * @param links        the site layout, for the narrative's links
     */
    public CheckedReport check(LoadedReport loaded, List<Finding> loadFindings, Report previous, LinkTargets links) {
        Outcome outcome = check(loaded.report(), previous, loaded.published());
        List<Finding> found = new ArrayList<>(outcome.findings());
        List<CheckedReport.CrossLink> cross = NarrativeLinkRule.check(loaded.report(), loaded.document(), loaded.attachments(), links,
                found::add);
        return new CheckedReport(loaded, loadFindings, outcome.checked(), found, cross);
    }

    /**
     * @param previous        the same agency's previous report, or {@code null}
     * @param published where {@code published} stands in report.yaml, for R10; line 0 when unknown
     */
    Outcome check(Report report, Report previous, SourcePos published) {
        List<Finding> found = new ArrayList<>();
        FileDiagnostics yaml = new FileDiagnostics(report.yamlPath(), found::add);
        FileDiagnostics markdown = new FileDiagnostics(report.markdownPath(), found::add);
        Set<Rule> checked = new TreeSet<>(Rule.ORDER);
        checked.add(Rule.R9);
        FormatDefinition format = report.format().orElse(null);
        SectionRule.check(report, format, markdown);
        if (report.meta().published().isPresent()) {
            checked.add(Rule.R10);
            DeadlineRule.check(report, published, yaml);
        }
        if (format != null) {
            checked.add(Rule.R7);
            format.rules().forEach(r -> checked.add(Rule.of(format, r.code())));
            TableRules.check(report, format, yaml);
            if (!format.narrative().statements().isEmpty() || !format.narrative().claims().isEmpty()) {
                checked.add(Rule.R8);
                NarrativeRule.check(report, format, markdown);
            }
            if (previous != null && previous.year() == report.year() - 1) {
                format.yearRules().forEach(r -> checked.add(Rule.of(format, r.code())));
                YearRules.check(report, format, previous, yaml);
            }
        }
        if (report.meta().isPublished()) {
            return new Outcome(checked, asPublished(found));
        }
        return new Outcome(checked, found);
    }

    /**
     * A published record's findings: what its rules find is a warning (a note stays a note), shown on its page, and
     * never keeps it out of the archive. It was published so; the archive keeps it as it was, and says where its
     * numbers disagree.
     */
    static List<Finding> asPublished(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.severity() == Severity.ERROR ? f.withSeverity(Severity.WARNING) : f)
                .toList();
    }

    /**
     * The equations within tables (R1–R4 as the format lists them) on a report that has no narrative, such as the
     * cell-by-cell sum of a year's reports. The same rule code as for a single report.
     */
    public Outcome checkTables(Report report) {
        List<Finding> found = new ArrayList<>();
        Set<Rule> checked = new TreeSet<>(Rule.ORDER);
        report.format().ifPresent(format -> {
            format.rules().forEach(r -> checked.add(Rule.of(format, r.code())));
            TableRules.check(report, format, new FileDiagnostics(report.yamlPath(), found::add));
        });
        return new Outcome(checked, found);
    }
}

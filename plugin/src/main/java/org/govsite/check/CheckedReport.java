package org.govsite.check;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;
import org.govsite.load.LoadedReport;
import org.govsite.model.Report;
import org.govsite.model.SourcePos;

import java.util.List;
import java.util.Set;

/**
 * Stage 2's result for one report: what ran, what it found, and the narrative links that reach another report or a
 * year page (they hold only if that page is published, which the pipeline knows once every report is checked).
 *
 * @param loadFindings the findings made while loading the report
 * @param checked      the rules that ran on it
 * @param findings     what the rules found (shown on the page's 数据校验 status)
 * @param crossLinks   links to pages that exist only if other reports are published
 */
public record CheckedReport(LoadedReport loaded, List<Finding> loadFindings, Set<Rule> checked,
                            List<Finding> findings, List<CrossLink> crossLinks) {
    public CheckedReport {
        loadFindings = List.copyOf(loadFindings);
        checked = Set.copyOf(checked);
        findings = List.copyOf(findings);
        crossLinks = List.copyOf(crossLinks);
    }

    /**
     * A narrative link to another report's page or data, or to a year page.
     *
     * @param line   its line in report.md
     * @param column its column
     */
    public record CrossLink(SourcePos at, String link, LinkTargets.Target target) {
    }

    public Report report() {
        return loaded.report();
    }

    /** Whether nothing of this report is an error: only such a report is published. */
    public boolean clean() {
        return loadFindings.stream().noneMatch(f -> f.severity() == Severity.ERROR)
                && findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The load findings, then the check findings. */
    public List<Finding> allFindings() {
        return java.util.stream.Stream.concat(loadFindings.stream(), findings.stream()).toList();
    }
}

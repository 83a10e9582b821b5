package org.govsite.pipeline;

import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Severity;

import java.util.List;
import java.util.Locale;

/**
 * What a build found and did.
 *
 * @param findings  every finding, sorted
 * @param reports   the reports read
 * @param files     the files written (0 when nothing was published)
 * @param published whether the output folder was replaced
 * @param note      how the site was built (incremental, or a full build and why), for the log; empty for a check
 */
public record BuildResult(List<Finding> findings, int reports, int files, boolean published, FailOn failOn,
                          String note) {
    public BuildResult {
        findings = findings.stream().sorted().toList();
        note = note == null ? "" : note;
    }

    public BuildResult(List<Finding> findings, int reports, int files, boolean published, FailOn failOn) {
        this(findings, reports, files, published, failOn, "");
    }

    /** The same result with a note on how it was built. */
    public BuildResult withNote(String text) {
        return new BuildResult(findings, reports, files, published, failOn, text);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether any finding is at or above the failOn threshold. */
    public boolean failed() {
        return findings.stream().anyMatch(f -> failOn.fails(f.severity()));
    }

    /** The closing line: how many reports, errors and warnings. */
    public String summary(Locale locale) {
        if ("en".equals(locale.getLanguage())) {
            return String.format(Locale.ROOT, "%d report(s) checked: %d error(s), %d warning(s), %d note(s).",
                    reports, count(Severity.ERROR), count(Severity.WARNING), count(Severity.INFO));
        }
        return String.format(Locale.ROOT, "共检查 %d 份报告：错误 %d 个，警告 %d 个，提示 %d 个。",
                reports, count(Severity.ERROR), count(Severity.WARNING), count(Severity.INFO));
    }
}

package org.govsite.maven;

import org.apache.maven.plugin.logging.Log;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Severity;

import java.util.Locale;

/** Prints findings to Maven's log, each at the level of its severity, as {@code path:line:col: 错误 [R1] …}. */
final class FindingLog {
    private FindingLog() {
    }

    static void print(Log log, Iterable<Finding> findings, Locale locale) {
        for (Finding f : findings) {
            String line = f.format(locale);
            if (f.severity() == Severity.ERROR) {
                log.error(line);
            } else if (f.severity() == Severity.WARNING) {
                log.warn(line);
            } else {
                log.info(line);
            }
        }
    }
}

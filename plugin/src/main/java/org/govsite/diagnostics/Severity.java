package org.govsite.diagnostics;

import java.util.Locale;

/** How serious a finding is. Ordered: a threshold includes everything above it. */
public enum Severity {
    INFO("提示", "info"),
    WARNING("警告", "warning"),
    ERROR("错误", "error");

    private final String chinese;
    private final String english;

    Severity(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The word printed in findings: 错误/警告/提示, or error/warning/info in English. */
    public String label(Locale locale) {
        return Language.isEnglish(locale) ? english : chinese;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}

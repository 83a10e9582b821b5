package org.govsite.format;

/**
 * A rule code a format defines, for the findings of its equations: R1–R6 in the official formats, a code of its own
 * in a portal's format.
 *
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param title    the short Chinese title shown on report pages and in SARIF
 * @param titleEn  the English title, for findings in English
 * @param line     the line of its definition in the format file
 */
public record RuleCode(String code, String severity, String title, String titleEn, int line) {
    /** The severities a code may have, as written in a format file. */
    public static final java.util.List<String> SEVERITIES = java.util.List.of("error", "warning", "info");
}

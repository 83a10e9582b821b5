package org.govsite.model;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code status:} of report.yaml. A draft is checked strictly: a blank cell is an error and an error keeps the report
 * out of the site. A published record is a report already published elsewhere, archived exactly as published: its
 * findings are warnings, shown on its page, and never keep it out.
 */
public enum ReportStatus {
    DRAFT, PUBLISHED;

    /** The status as typed in report.yaml ({@code draft}, {@code published}), or empty for any other text. */
    public static Optional<ReportStatus> parse(String text) {
        for (ReportStatus s : values()) {
            if (s.key().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** As typed in report.yaml. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

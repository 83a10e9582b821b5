package org.govsite.model;

import java.time.LocalDate;
import java.util.Locale;

/** The kind of body that publishes a report; it sets the legal deadline (条例 第四十九条). */
public enum AgencyKind {
    /** A people's government's own report, published by 31 March. */
    GOVERNMENT("人民政府", 3, 31),
    /** A department of a government (the government office included), by 31 January. */
    DEPARTMENT("部门", 1, 31),
    /** A township or street office, by 31 January. */
    TOWNSHIP("乡镇/街道", 1, 31);

    private final String label;
    private final int month;
    private final int day;

    AgencyKind(String label, int month, int day) {
        this.label = label;
        this.month = month;
        this.day = day;
    }

    public String label() {
        return label;
    }

    /** The last day a report for {@code year} may be published. */
    public LocalDate deadline(int year) {
        return LocalDate.of(year + 1, month, day);
    }

    public static AgencyKind parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}

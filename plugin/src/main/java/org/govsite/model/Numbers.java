package org.govsite.model;

import java.math.BigDecimal;

/** Locale-free number formatting: no grouping, no exponent, the scale as typed. */
public final class Numbers {
    private Numbers() {
    }

    public static String plain(Number n) {
        if (n instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(n);
    }

    /** A signed count as published: "+3", "-2", "0". */
    public static String signed(BigDecimal d) {
        return d.signum() > 0 ? "+" + d.toPlainString() : d.toPlainString();
    }
}

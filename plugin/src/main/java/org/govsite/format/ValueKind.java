package org.govsite.format;

import java.util.Locale;

/** What a cell holds, as the official format defines it. */
public enum ValueKind {
    /** A whole number of 件 (or cases), zero or more. */
    COUNT,
    /** A whole number that may be negative, published with its sign (本年增/减). */
    SIGNED,
    /** A decimal amount, zero or more, in the unit the column label names (万元). */
    AMOUNT,
    /** A decimal amount that carries its own unit as published, e.g. "251000元" or "25.1万元". */
    AMOUNT_WITH_UNIT;

    public static ValueKind parse(String text) {
        return switch (text == null ? "count" : text.toLowerCase(Locale.ROOT)) {
            case "count" -> COUNT;
            case "signed" -> SIGNED;
            case "amount" -> AMOUNT;
            case "amount_with_unit" -> AMOUNT_WITH_UNIT;
            default -> throw new IllegalArgumentException("unknown value kind: " + text);
        };
    }

    public boolean isWhole() {
        return this == COUNT || this == SIGNED;
    }
}

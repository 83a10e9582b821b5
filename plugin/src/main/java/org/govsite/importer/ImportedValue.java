package org.govsite.importer;

import org.govsite.format.FormatDefinition;
import org.govsite.format.ValueKind;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One cell as published, in the form report.yaml keeps it: a number ({@code 13}, {@code +3}), blank ({@code ~}),
 * "/" (不适用), or an amount with its unit ({@code "251000元"}). Nothing is corrected.
 *
 * @param yaml      the YAML scalar to write
 * @param state     what it is
 * @param converted whether full-width digits were turned into ASCII ones
 * @param unitDropped the unit written after the number when it is the column's own (本年收费金额（单位：万元）
 *                    "1.5万元" is 1.5): the number is kept as published, the unit it repeats is left out
 */
public record ImportedValue(String yaml, State state, boolean converted, Optional<String> unitDropped) {
    /** The four things a published cell can be. */
    public enum State { NUMBER, BLANK, NOT_APPLICABLE, AMOUNT_WITH_UNIT }

    private static final Pattern COUNT = Pattern.compile("\\d{1,15}");
    private static final Pattern SIGNED = Pattern.compile("[+-]?\\d{1,15}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(?:\\.\\d{1,6})?");
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,6})?)\\s*(\\S+)");

    /**
     * Reads a cell's text for a column of {@code kind}; empty when it is not a value of that kind (十三, 13件, a
     * unit the format does not know): the caller makes that a finding.
     */
    public static Optional<ImportedValue> parse(String text, ValueKind kind, FormatDefinition format) {
        return parse(text, kind, Optional.empty(), format);
    }

    /**
     * As {@link #parse(String, ValueKind, FormatDefinition)}, for a column whose official label gives its unit
     * ({@code columnUnit}, e.g. 万元): a number followed by that very unit is read as the number; any other unit
     * after it is still not a value of the column.
     */
    public static Optional<ImportedValue> parse(String text, ValueKind kind, Optional<String> columnUnit,
                                                FormatDefinition format) {
        Optional<ImportedValue> plain = parsePlain(text, kind, format);
        if (plain.isPresent() || columnUnit.isEmpty() || kind == ValueKind.AMOUNT_WITH_UNIT) {
            return plain;
        }
        String t = text.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
        String unit = columnUnit.get();
        if (!t.endsWith(unit)) {
            return plain;
        }
        return parsePlain(t.substring(0, t.length() - unit.length()).strip(), kind, format)
                .filter(v -> v.state() == State.NUMBER)
                .map(v -> new ImportedValue(v.yaml(), v.state(), v.converted(), Optional.of(unit)));
    }

    private static Optional<ImportedValue> parsePlain(String text, ValueKind kind, FormatDefinition format) {
        String t = text.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
        if (t.isEmpty() || t.equals("&nbsp;")) {
            return Optional.of(new ImportedValue("~", State.BLANK, false, Optional.empty()));
        }
        if (t.equals("/") || t.equals("／")) {
            return Optional.of(new ImportedValue("/", State.NOT_APPLICABLE, false, Optional.empty()));
        }
        String half = halfWidth(t);
        boolean converted = !half.equals(t);
        String v = half.replace('－', '-').replace('＋', '+');
        switch (kind) {
            case COUNT -> {
                if (COUNT.matcher(v).matches()) {
                    return Optional.of(number(v, converted));
                }
            }
            case SIGNED -> {
                if (SIGNED.matcher(v).matches()) {
                    return Optional.of(number(v, converted));
                }
            }
            case AMOUNT -> {
                if (DECIMAL.matcher(v).matches()) {
                    return Optional.of(number(v, converted));
                }
            }
            case AMOUNT_WITH_UNIT -> {
                if (DECIMAL.matcher(v).matches() && v.matches("0+(\\.0+)?")) {
                    return Optional.of(number(v, converted));
                }
                var m = WITH_UNIT.matcher(v);
                if (m.matches() && format.unit(m.group(2)).isPresent()) {
                    return Optional.of(new ImportedValue("\"" + m.group(1) + m.group(2) + "\"",
                            State.AMOUNT_WITH_UNIT, converted, Optional.empty()));
                }
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    private static ImportedValue number(String v, boolean converted) {
        return new ImportedValue(v, State.NUMBER, converted, Optional.empty());
    }

    /** Full-width digits, signs and point as ASCII. */
    static String halfWidth(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                sb.append((char) ('0' + (c - '０')));
            } else if (c == '．') {
                sb.append('.');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether a cell's text looks like a value at all (a number, blank, "/", an amount with a unit). */
    static boolean looksLikeValue(String text) {
        String t = halfWidth(text.replace('\u00A0', ' ').replace('\u3000', ' ').strip());
        return t.isEmpty() || t.equals("/") || t.equals("／") || t.matches("[+\\-－＋]?\\d{1,15}(?:\\.\\d{1,6})?(?:元|万元|亿元)?");
    }
}

package org.govsite.check;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A count as a narrative writes it: Arabic digits ({@code 23}, {@code 2.5}) or Chinese numerals (二十三, 一百零五,
 * 两千, 一万二千三百, 二〇二三). Up to 亿 (excluded): the narrative's counts are far below.
 */
final class ChineseNumber {
    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumber() {
    }

    /** The value, or empty when the text is not a number this reads. */
    static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (text.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')) {
            try {
                return Optional.of(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (text.length() > 40) {
            return Optional.empty(); // no count in words is this long
        }
        String t = text.replace('〇', '零').replace('两', '二');
        if (t.chars().allMatch(c -> DIGITS.indexOf(c) >= 0)) {
            if (t.length() > 1 && t.indexOf('零') < 0) {
                return Optional.empty(); // 二三件 is "two or three", not 23
            }
            // digit by digit: 二零二三
            StringBuilder b = new StringBuilder();
            t.chars().forEach(c -> b.append((char) ('0' + DIGITS.indexOf(c))));
            return Optional.of(new BigDecimal(b.toString()));
        }
        long total = 0;
        long section = 0;
        long digit = -1;
        long lastUnit = Long.MAX_VALUE;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int d = DIGITS.indexOf(c);
            if (d >= 0) {
                if (digit > 0) {
                    return Optional.empty(); // 二三: two digits in a row with units
                }
                digit = d;
                continue;
            }
            int unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10000;
                default -> -1;
            };
            if (unit < 0) {
                return Optional.empty();
            }
            if (unit == 10000) {
                section += Math.max(digit, 0);
                if (section == 0) {
                    return Optional.empty();
                }
                total += section * 10000;
                section = 0;
                lastUnit = Long.MAX_VALUE;
            } else {
                if (unit >= lastUnit) {
                    return Optional.empty(); // 十十, 百千: units go down
                }
                lastUnit = unit;
                long times = digit < 0 ? (unit == 10 ? 1 : -1) : digit;
                if (times <= 0) {
                    return Optional.empty(); // 百 with no digit, 零十
                }
                section += times * unit;
            }
            digit = -1;
        }
        if (digit > 0) {
            section += digit;
        }
        return Optional.of(BigDecimal.valueOf(total + section));
    }
}

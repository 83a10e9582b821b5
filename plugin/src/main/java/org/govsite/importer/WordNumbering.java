package org.govsite.importer;

import java.util.Locale;

/**
 * The number Word shows for the n-th item of a numbered list, by the level's {@code w:numFmt} (ECMA-376 ST_NumberFormat):
 * the formats Chinese documents use — Arabic, full-width and zero-padded digits, 一二三 counting (十一, 二十), 〇一二
 * digit by digit, 壹贰叁, 甲乙丙, 子丑寅, ①②③, ⑴⑵⑶, ⒈⒉⒊, ㈠㈡㈢ — and Latin letters and Roman numerals. A format not
 * listed here, or a number past what a format can show, is written in Arabic digits, as Word itself falls back.
 */
final class WordNumbering {
    private static final String DIGITS = "〇一二三四五六七八九";
    private static final String COUNTING = "零一二三四五六七八九";
    private static final String LEGAL = "零壹贰叁肆伍陆柒捌玖";
    private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";
    private static final String BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

    private WordNumbering() {
    }

    /** The number as shown; empty for a bullet or no number. */
    static String number(String numFmt, int n) {
        if (n < 1) {
            return Integer.toString(n);
        }
        return switch (numFmt) {
            case "bullet", "none" -> "";
            case "decimalZero" -> n < 10 ? "0" + n : Integer.toString(n);
            case "decimalFullWidth", "decimalFullWidth2" -> fullWidth(Integer.toString(n));
            case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
                 "taiwaneseCountingThousand" -> n < 10000 ? counting(n, COUNTING, "十百千", true) : Integer.toString(n);
            case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand" -> digitByDigit(n);
            case "chineseLegalSimplified" -> n < 10000 ? counting(n, LEGAL, "拾佰仟", false) : Integer.toString(n);
            case "ideographTraditional" -> n <= STEMS.length() ? String.valueOf(STEMS.charAt(n - 1)) : Integer.toString(n);
            case "ideographZodiac" -> n <= BRANCHES.length() ? String.valueOf(BRANCHES.charAt(n - 1))
                    : Integer.toString(n);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" -> circled(n);
            case "decimalEnclosedParen" -> n <= 20 ? String.valueOf((char) (0x2474 + n - 1)) : Integer.toString(n);
            case "decimalEnclosedFullstop" -> n <= 20 ? String.valueOf((char) (0x2488 + n - 1)) : Integer.toString(n);
            case "ideographEnclosedCircle" -> n <= 10 ? String.valueOf((char) (0x3220 + n - 1)) : Integer.toString(n);
            case "upperLetter" -> letters(n).toUpperCase(Locale.ROOT);
            case "lowerLetter" -> letters(n);
            case "upperRoman" -> n < 4000 ? roman(n) : Integer.toString(n);
            case "lowerRoman" -> n < 4000 ? roman(n).toLowerCase(Locale.ROOT) : Integer.toString(n);
            default -> Integer.toString(n);
        };
    }

    private static String fullWidth(String digits) {
        StringBuilder sb = new StringBuilder(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            sb.append((char) ('０' + (digits.charAt(i) - '0')));
        }
        return sb.toString();
    }

    /**
     * 1–9999 in Chinese counting: 十一 (not 一十一) when {@code shortTen}, 一百零五, 一千零一十. {@code units} are the
     * characters for ten, hundred, thousand; {@code digits} those for 0–9.
     */
    private static String counting(int n, String digits, String units, boolean shortTen) {
        int[] parts = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
        StringBuilder sb = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
            int d = parts[i];
            if (d == 0) {
                zero = sb.length() > 0;
                continue;
            }
            if (zero) {
                sb.append(digits.charAt(0));
                zero = false;
            }
            boolean tens = i == 2;
            if (!(tens && d == 1 && shortTen && sb.length() == 0)) {
                sb.append(digits.charAt(d));
            }
            if (i < 3) {
                sb.append(units.charAt(2 - i));
            }
        }
        return sb.toString();
    }

    private static String digitByDigit(int n) {
        String s = Integer.toString(n);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append(DIGITS.charAt(s.charAt(i) - '0'));
        }
        return sb.toString();
    }

    /** ①–⑳, ㉑–㉟, ㊱–㊿ (Unicode has circled numbers up to 50). */
    private static String circled(int n) {
        if (n <= 20) {
            return String.valueOf((char) (0x2460 + n - 1));
        }
        if (n <= 35) {
            return String.valueOf((char) (0x3251 + n - 21));
        }
        if (n <= 50) {
            return String.valueOf((char) (0x32B1 + n - 36));
        }
        return Integer.toString(n);
    }

    /** a … z, then aa … zz, aaa …: Word repeats the letter. */
    private static String letters(int n) {
        char c = (char) ('a' + (n - 1) % 26);
        return String.valueOf(c).repeat((n - 1) / 26 + 1);
    }

    private static String roman(int n) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        int rest = n;
        for (int i = 0; i < values.length; i++) {
            while (rest >= values[i]) {
                sb.append(symbols[i]);
                rest -= values[i];
            }
        }
        return sb.toString();
    }
}

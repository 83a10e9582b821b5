package org.govsite.importer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Word's list numbers as a reader sees them, for the numbering formats Chinese reports use. */
class WordNumberingTest {
    private static List<String> first(String numFmt, int... n) {
        return IntStream.of(n).mapToObj(i -> WordNumbering.number(numFmt, i)).toList();
    }

    @Test
    void chineseCountingWritesTensAsReadersDo() {
        assertEquals(List.of("一", "九", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十", "一千零一十"),
                first("chineseCounting", 1, 9, 10, 11, 20, 21, 99, 100, 105, 110, 1010));
        assertEquals(List.of("十二"), first("chineseCountingThousand", 12));
        assertEquals(List.of("壹", "壹拾", "壹拾壹", "贰拾"), first("chineseLegalSimplified", 1, 10, 11, 20));
        assertEquals(List.of("一", "一〇", "二〇二"), first("ideographDigital", 1, 10, 202));
        assertEquals(List.of("甲", "癸", "11"), first("ideographTraditional", 1, 10, 11));
        assertEquals(List.of("子", "亥"), first("ideographZodiac", 1, 12));
        assertEquals(List.of("㈠", "㈩"), first("ideographEnclosedCircle", 1, 10));
    }

    @Test
    void enclosedAndWideDigits() {
        assertEquals(List.of("①", "⑳", "㉑", "㉟", "㊱", "㊿", "51"), first("decimalEnclosedCircle", 1, 20, 21, 35, 36, 50, 51));
        assertEquals(List.of("①"), first("decimalEnclosedCircleChinese", 1));
        assertEquals(List.of("⑴", "⒇"), first("decimalEnclosedParen", 1, 20));
        assertEquals(List.of("⒈", "⒛"), first("decimalEnclosedFullstop", 1, 20));
        assertEquals(List.of("１", "１２"), first("decimalFullWidth", 1, 12));
        assertEquals(List.of("01", "10"), first("decimalZero", 1, 10));
        assertEquals(List.of("1", "12"), first("decimal", 1, 12));
    }

    @Test
    void lettersAndRomanNumerals() {
        assertEquals(List.of("A", "Z", "AA", "BB"), first("upperLetter", 1, 26, 27, 28));
        assertEquals(List.of("a", "c"), first("lowerLetter", 1, 3));
        assertEquals(List.of("I", "IV", "IX", "XIV", "XL", "MCMXCIX"), first("upperRoman", 1, 4, 9, 14, 40, 1999));
        assertEquals(List.of("iii"), first("lowerRoman", 3));
    }

    @Test
    void bulletsShowNoNumberAndUnknownFormatsFallBackToDigits() {
        assertEquals(List.of("", ""), List.of(WordNumbering.number("bullet", 1), WordNumbering.number("none", 2)));
        assertEquals("7", WordNumbering.number("hebrew1", 7));
    }
}

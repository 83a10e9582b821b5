package org.govsite.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Counts as narratives write them. */
class ChineseNumberTest {
    @ParameterizedTest
    @CsvSource({"0,0", "13,13", "2.5,2.5", "零,0", "一,1", "十,10", "十二,12", "二十,20", "二十三,23", "一百零五,105",
            "两千,2000", "三千零一,3001", "一万二千三百,12300", "三十万,300000", "二〇二三,2023"})
    void reads(String text, String value) {
        assertEquals(Optional.of(new BigDecimal(value)), ChineseNumber.parse(text).map(v -> v.stripTrailingZeros())
                .map(v -> v.scale() < 0 ? v.setScale(0) : v).map(v -> new BigDecimal(v.toPlainString())),
                text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"二三", "百", "万", "十十", "一二十", "零十"})
    void leavesAloneWhatIsNotOneNumber(String text) {
        assertEquals(Optional.empty(), ChineseNumber.parse(text), text);
    }
}

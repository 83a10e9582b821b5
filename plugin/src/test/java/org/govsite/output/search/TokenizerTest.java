package org.govsite.output.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {
    /** Every token the index gets from {@code text}, as "kind:token@position". */
    private static List<String> indexed(String text) {
        List<String> out = new ArrayList<>();
        Tokenizer.scan(text, new Tokenizer.Sink() {
            @Override
            public void unigram(char c, int position) {
                out.add("u:" + c + "@" + position);
            }

            @Override
            public void bigram(char first, char second, int position) {
                out.add("b:" + first + second + "@" + position);
            }

            @Override
            public void word(String word, int position) {
                out.add("w:" + word + "@" + position);
            }
        });
        return out;
    }

    @Test
    void hanTextGivesEveryUnigramAndBigramWithPositions() {
        assertEquals(List.of("u:行@0", "u:政@1", "b:行政@0", "u:复@2", "b:政复@1", "u:议@3", "b:复议@2"),
                indexed("行政复议"));
    }

    @Test
    void punctuationAndSpacesSeparateRuns() {
        assertEquals(List.of("u:结@0", "u:转@1", "b:结转@0", "u:办@3", "u:结@4", "b:办结@3"), indexed("结转，办结"));
        assertEquals(List.of("结转", "办结"), Tokenizer.queryTokens("结转 办结"));
    }

    @Test
    void latinWordsAndDigitsAreWordsLowerCased() {
        assertEquals(List.of("w:icp@0", "u:备@3", "w:12345@4", "u:号@9"), indexed("ICP备12345号"));
        assertEquals(List.of("2024", "年"), Tokenizer.queryTokens("2024年"));
        assertEquals(List.of("行政", "政复", "复议", "2", "件"), Tokenizer.queryTokens("行政复议2件"));
    }

    @Test
    void aDecimalPointBetweenDigitsStaysInTheNumber() {
        assertEquals(List.of("38.6", "万", "元"), Tokenizer.queryTokens("38.6 万 元"));
        assertEquals(List.of("38", "万元"), Tokenizer.queryTokens("38.万元"));
        assertEquals(List.of("v1.2", "a"), Tokenizer.queryTokens("v1.2.a"));
    }

    @Test
    void fullWidthFormsFoldToHalfWidth() {
        assertEquals(Tokenizer.queryTokens("2024年ICP"), Tokenizer.queryTokens("２０２４年ＩＣＰ"));
        assertEquals(List.of("w:2024@0", "u:年@4"), indexed("２０２４年"));
        // the ideographic space separates like a space
        assertEquals(List.of("结转", "办结"), Tokenizer.queryTokens("结转\u3000办结"));
        assertEquals('a', Tokenizer.normalize('Ａ'));
        assertEquals('(', Tokenizer.normalize('（'));
        assertEquals(',', Tokenizer.normalize('，'), "the full-width comma is a form of ','");
        assertEquals('、', Tokenizer.normalize('、'), "punctuation outside the full-width forms stays");
    }

    @Test
    void oneCharacterQueryIsAUnigramLongerRunsAreBigrams() {
        assertEquals(List.of("镇"), Tokenizer.queryTokens("镇"));
        assertEquals(List.of("大营"), Tokenizer.queryTokens("大营"));
        assertEquals(List.of(List.of("行政", "政复", "复议"), List.of("2024"), List.of("镇")),
                Tokenizer.queryRuns("行政复议 2024 镇"));
        assertEquals(List.of("二〇", "〇二", "二四"), Tokenizer.queryTokens("二〇二四"), "〇 is a Han character here");
    }

    @Test
    void repeatedTokensAreKeptOnceInAQuery() {
        assertEquals(List.of("公开", "开公"), Tokenizer.queryTokens("公开公开"));
    }

    @Test
    void overlongWordsAndOtherScriptsAreNotTokens() {
        assertEquals(List.of(), Tokenizer.queryTokens("a".repeat(Tokenizer.MAX_WORD + 1)));
        assertEquals(List.of("a".repeat(Tokenizer.MAX_WORD)), Tokenizer.queryTokens("a".repeat(Tokenizer.MAX_WORD)));
        assertEquals(List.of(), Tokenizer.queryTokens("——，。《》！？ ＿"));
        assertEquals(List.of(), Tokenizer.queryTokens("ㄅㄆ"));
    }
}

package org.govsite.check;

import org.govsite.pipeline.BuildResult;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Rule;
import org.govsite.model.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R8 in detail: the column of a statement, its numbers, and the phrasings it leaves alone. */
class NarrativeRuleTest {
    private static final String MD = "reports/a/2024/report.md";

    @Test
    void statementFindingGivesColumnAndNumbers() throws IOException {
        BuildResult result = Fixtures.check(Fixtures.invalid().resolve("r8-received-differs"));
        Finding f = result.findings().get(0);
        assertEquals(Rule.R8, f.rule());
        assertEquals(3, f.column(), "本年新收… starts at the third character");
        assertEquals(List.of(new BigDecimal("14"), new BigDecimal("13")),
                f.numbers().stream().map(Term::value).toList());
        assertFalse(result.failed(), "R8 is a warning: failOn error does not fail on it");
    }

    @Test
    void narrowPhrasingsAreLeftAlone(@TempDir Path tmp) throws IOException {
        Fixtures.copy(Fixtures.valid().resolve("baseline"), tmp);
        Path md = tmp.resolve(MD);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        // letters of every kind, a rate, other units, and 予以公开 with a bracketed qualifier are not statements
        text = text.replace("本年行政事业性收费金额0.5万元。", "本年行政事业性收费金额0.5万元。共收到群众来信 117 件，办结率100%。"
                + "全年予以公开（含部分公开）7件。主动公开政府信息5200条。");
        Files.writeString(md, text, StandardCharsets.UTF_8);
        assertEquals(List.of(), Fixtures.check(tmp).findings());
    }

    @Test
    void eachMismatchOnOneLineIsItsOwnFinding(@TempDir Path tmp) throws IOException {
        Fixtures.copy(Fixtures.valid().resolve("baseline"), tmp);
        Path md = tmp.resolve(MD);
        String text = Files.readString(md, StandardCharsets.UTF_8)
                .replace("其中予以公开6件，部分公开1件，不予公开1件，无法提供3件，不予处理1件",
                        "其中予以公开5件，部分公开2件，不予公开2件，无法提供2件，不予处理2件");
        Files.writeString(md, text, StandardCharsets.UTF_8);
        List<Finding> findings = Fixtures.check(tmp).findings();
        assertEquals(5, findings.size(), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.rule() == Rule.R8 && f.line() == 11));
        assertEquals(5, findings.stream().map(Finding::column).distinct().count());
    }

    @Test
    void englishMessages() throws IOException {
        Path dir = Fixtures.invalid().resolve("r8-received-differs");
        Finding f = Fixtures.check(dir, dir, Language.ENGLISH).findings().get(0);
        assertTrue(f.message(Language.ENGLISH).startsWith("the narrative says \"新收政府信息公开申请14件\", but in table"),
                f.message(Language.ENGLISH));
        assertTrue(f.format(Language.ENGLISH).contains(": warning [R8] "), f.format(Language.ENGLISH));
    }

    private static final String YAML = "reports/a/2024/report.yaml";

    /** The findings of the baseline with its narrative (and table) text replaced. */
    private static List<Finding> with(Path tmp, String narrativeFrom, String narrativeTo, String yamlFrom,
                                      String yamlTo) throws IOException {
        Fixtures.copy(Fixtures.valid().resolve("baseline"), tmp);
        replace(tmp.resolve(MD), narrativeFrom, narrativeTo);
        if (yamlFrom != null) {
            replace(tmp.resolve(YAML), yamlFrom, yamlTo);
        }
        return Fixtures.check(tmp).findings().stream().filter(f -> f.rule() == Rule.R8).toList();
    }

    private static List<Finding> with(Path tmp, String narrativeFrom, String narrativeTo) throws IOException {
        return with(tmp, narrativeFrom, narrativeTo, null, null);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static List<BigDecimal> numbers(Finding f) {
        return f.numbers().stream().map(Term::value).toList();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"本年新收政府信息公开申请１３件", "本年新收政府信息公开申请十三件",
            "共受理政府信息公开申请13件", "累计接收政府信息公开申请 13件", "共收到政府信息公开申请事项13件",
            "全年受理依申请公开申请13件", "本年新收政府信息公开\n申请13件", "本年新收政府信息公开申请13件。一审行政诉讼案件5件"})
    void agreeingPhrasingsGiveNothing(String phrase, @TempDir Path tmp) throws IOException {
        assertEquals(List.of(), with(tmp, "本年新收政府信息公开申请13件", phrase.replace("\\n", "\n")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"本年新收政府信息公开申请１４件", "本年新收政府信息公开申请十四件",
            "共受理政府信息公开申请14件", "累计接收政府信息公开申请 14件", "共收到政府信息公开申请事项14件",
            "全年受理依申请公开申请14件"})
    void everyVerbAndWayOfWritingANumberIsRead(String phrase, @TempDir Path tmp) throws IOException {
        List<Finding> r8 = with(tmp, "本年新收政府信息公开申请13件", phrase);
        assertEquals(1, r8.size(), r8.toString());
        assertEquals(List.of(new BigDecimal("14"), new BigDecimal("13")), numbers(r8.get(0)));
        assertTrue(r8.get(0).message().endsWith("中“一、本年新收政府信息公开申请数量 / 总计”为 13，正文为 14"),
                r8.get(0).message());
    }

    @Test
    void aStatementSplitOverTwoLinesIsReadAndPointsAtItsStart(@TempDir Path tmp) throws IOException {
        List<Finding> r8 = with(tmp, "本年新收政府信息公开申请13件，上年结转1件。", "本年新收政府信息公开\n  申请14件，上年\n结转2件。");
        assertEquals(2, r8.size(), r8.toString());
        assertEquals(List.of(11, 3), List.of(r8.get(0).line(), r8.get(0).column()));
        assertEquals(List.of(12, 9), List.of(r8.get(1).line(), r8.get(1).column()), "上年 of 上年结转, after the indent");
        assertEquals(List.of(new BigDecimal("2"), new BigDecimal("1")), numbers(r8.get(1)));
    }

    @Test
    void handledIsReadFromBothVerbs(@TempDir Path tmp) throws IOException {
        List<Finding> r8 = with(tmp, "全年办结政府信息公开申请12件", "全年答复政府信息公开申请11件");
        assertEquals(1, r8.size(), r8.toString());
        assertTrue(r8.get(0).message().contains("“（七）总计 / 总计”为 12，正文为 11"), r8.get(0).message());
    }

    @Test
    void aBlankTotalIsReadAsItsApplicantCells(@TempDir Path tmp) throws IOException {
        String blank = "granted:        [ 5,  1,  0,  0,  0,  0,  ~]";
        assertEquals(List.of(), with(tmp, "予以公开6件", "予以公开6件", "granted:        [ 5,  1,  0,  0,  0,  0,  6]",
                blank));
    }

    @Test
    void aBlankTotalThatDisagreesSaysHowItWasRead(@TempDir Path tmp) throws IOException {
        List<Finding> r8 = with(tmp, "予以公开6件", "予以公开7件", "granted:        [ 5,  1,  0,  0,  0,  0,  6]",
                "granted:        [ 5,  1,  ~,  ~,  ~,  ~,  ~]");
        assertEquals(1, r8.size(), r8.toString());
        assertEquals("正文“予以公开7件”与表格不一致：收到和处理政府信息公开申请情况中“（一）予以公开 / 总计”为 6"
                + "（“总计”栏空白之处按“总计 = 各类申请人之和”计），正文为 7", r8.get(0).message());
    }

    @Test
    void aCombinedFigureIsTheSumOfBothRowsAndNotOneOfThem(@TempDir Path tmp) throws IOException {
        assertEquals(List.of(), with(tmp, "其中予以公开6件，部分公开1件", "其中予以公开及部分公开7件"));
    }

    @Test
    void aCombinedFigureThatDisagreesNamesBothRows(@TempDir Path tmp) throws IOException {
        List<Finding> r8 = with(tmp, "其中予以公开6件，部分公开1件", "其中予以公开及部分公开6件");
        assertEquals(1, r8.size(), r8.toString());
        assertTrue(r8.get(0).message().contains("“（一）予以公开、（二）部分公开（区分处理的，只计这一情形，不计其他情形） / 总计”为 7"),
                r8.get(0).message());
    }

    @Test
    void aNamedSingleRowIsMatchedAgainstThatRow(@TempDir Path tmp) throws IOException {
        List<Finding> r8 = with(tmp, "无法提供3件", "无法提供3件（其中本机关不掌握相关政府信息2件）");
        assertEquals(1, r8.size(), r8.toString());
        assertTrue(r8.get(0).message().contains("“1.本机关不掌握相关政府信息 / 总计”为 3，正文为 2"), r8.get(0).message());
    }

    @Test
    void aReasonBeforeTheGroupIsNotTheRow(@TempDir Path tmp) throws IOException {
        assertEquals(List.of(), with(tmp, "无法提供3件", "因本机关不掌握等原因无法提供3件"));
    }

    @Test
    void allUpheldNamesEachContradictionInReviewAndLitigation(@TempDir Path tmp) throws IOException {
        List<Finding> r8 = with(tmp, "被申请行政复议1件，结果维持；被提起行政诉讼1件，尚未审结。", "被申请行政复议1件，被提起行政诉讼1件，均维持。",
                "review: [ 1,  0,  0,  0,  1]", "review: [ 0,  1,  0,  0,  1]");
        assertEquals(1, r8.size(), r8.toString());
        assertEquals("正文称“均维持”，与表格不符：政府信息公开行政复议、行政诉讼情况中以下数值大于 0：行政复议 结果纠正(1)、"
                + "行政诉讼 尚未审结(1)", r8.get(0).message());
    }
}

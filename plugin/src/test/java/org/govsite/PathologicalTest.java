package org.govsite;

import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.FindingLimit;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Rule;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input, in the manner of commonmark-java's PathologicalTest: deep nesting, long lines, huge numbers, many
 * headings. Each input ends in located findings or in clean output, never in a crash. The timeout is only a guard
 * against a hang, generous on purpose: it makes no claim about speed. The class runs alone ({@code @Isolated}: test
 * classes otherwise run two at a time), so that the guard times these inputs, not another class's build beside them;
 * its tests take a few seconds in all.
 */
@Isolated
class PathologicalTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String YAML = "reports/a/2024/report.yaml";
    private static final String MD = "reports/a/2024/report.md";

    @TempDir
    Path tmp;

    private Path site() {
        Path dir = tmp.resolve("site");
        TestSites.copyTree(Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/valid/baseline"),
                dir);
        return dir;
    }

    private static void edit(Path file, String from, String to) {
        TestSites.replaceIn(file, from, to);
    }

    private static BuildResult check(Path dir) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> new GovSite(BuildConfig.builder(dir, dir).pdf(false)
                .failOn(FailOn.ERROR).locale(Language.CHINESE).build()).check());
    }

    /** Every finding names its file and a line in it, and its message is short enough to read. */
    private static void located(BuildResult result) {
        for (Finding f : result.findings()) {
            assertTrue(f.line() >= 1, f.format(Language.CHINESE));
            assertTrue(f.message().length() < 300, "a readable message: " + f.message().length() + " characters");
            assertTrue(f.message(Language.ENGLISH).length() < 300, f.message(Language.ENGLISH));
        }
    }

    private static List<Finding> of(BuildResult result, Rule rule, String file) {
        return result.findings().stream().filter(f -> f.rule() == rule && f.file().equals(file)).toList();
    }

    @Test
    void anAmountWithAHugeExponentIsAFindingNotAnArithmeticException() {
        Path dir = site();
        edit(dir.resolve(YAML), "fees: {amount: 0.5}", "fees: {amount: 1e999999999}");
        BuildResult result = check(dir);
        located(result);
        List<Finding> r7 = of(result, Rule.R7, YAML);
        assertEquals(1, r7.size(), result.findings().toString());
        assertEquals(TestSites.lineOf(dir.resolve(YAML), "fees: {amount"), r7.get(0).line());
        assertTrue(r7.get(0).message().contains("1e999999999"), r7.get(0).message());
    }

    @Test
    void aTinyExponentAndNotANumberAreFindingsToo() {
        Path dir = site();
        edit(dir.resolve(YAML), "fees: {amount: 0.5}", "fees: {amount: 1e-999999999}");
        located(check(dir));
        Path other = tmp.resolve("nan");
        TestSites.copyTree(dir, other);
        edit(other.resolve(YAML), "fees: {amount: 1e-999999999}", "fees: {amount: .nan}");
        BuildResult result = check(other);
        located(result);
        assertEquals(1, of(result, Rule.R7, YAML).size(), result.findings().toString());
    }

    @Test
    void aFiveThousandDigitCountIsOneShortFinding() {
        Path dir = site();
        String digits = "9".repeat(5000);
        edit(dir.resolve(YAML), "new:          [10,", "new:          [" + digits + ",");
        BuildResult result = check(dir);
        located(result);
        List<Finding> r7 = of(result, Rule.R7, YAML);
        assertEquals(1, r7.size(), result.findings().toString());
        assertTrue(r7.get(0).message().contains("共 5000 个字符"), r7.get(0).message());
    }

    @Test
    void aFiveThousandDigitNumberInTheNarrativeIsAShortWarning() {
        Path dir = site();
        edit(dir.resolve(MD), "本年新收政府信息公开申请13件", "本年新收政府信息公开申请" + "9".repeat(5000) + "件");
        BuildResult result = check(dir);
        located(result);
        assertEquals(1, of(result, Rule.R8, MD).size(), result.findings().toString());
    }

    @Test
    void fiftyThousandHeadingsGiveAHundredFindingsAndOneSayingHowManyMore() throws IOException {
        Path dir = site();
        Path md = dir.resolve(MD);
        Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8) + "\n## 多余的标题\n".repeat(50_000),
                StandardCharsets.UTF_8);
        BuildResult result = check(dir);
        located(result);
        List<Finding> inFile = result.findings().stream().filter(f -> f.file().equals(MD)).toList();
        assertEquals(FindingLimit.PER_FILE + 1, inFile.size());
        Finding more = inFile.stream().filter(f -> f.content().key().equals("more")).findFirst().orElseThrow();
        assertTrue(more.message().startsWith("此文件还有 49900 处问题未列出"), more.message());
        assertTrue(more.message(Language.ENGLISH).startsWith("49900 more findings"), more.message(Language.ENGLISH));
    }

    @Test
    void deeplyNestedMarkdownEndsCleanlyOrInAFinding() throws IOException {
        Path dir = site();
        Path md = dir.resolve(MD);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        Files.writeString(md, text + "\n" + "> ".repeat(10_000) + "引用\n\n" + "- ".repeat(10_000) + "列表\n\n"
                + "[".repeat(10_000) + "]".repeat(10_000) + "\n\n" + "*".repeat(20_000) + "\n",
                StandardCharsets.UTF_8);
        located(check(dir));
    }

    @Test
    void deeplyNestedYamlIsASyntaxFindingAtItsLine() {
        Path dir = site();
        edit(dir.resolve(YAML), "new:          [10,  2,  0,  0,  1,  0, 13]",
                "new:          " + "[".repeat(5_000) + "]".repeat(5_000));
        BuildResult result = check(dir);
        located(result);
        assertTrue(result.failed());
        assertTrue(result.findings().stream().anyMatch(f -> f.file().equals(YAML)), result.findings().toString());
    }

    @Test
    void aMillionCharacterLineIsReadAndChecked() throws IOException {
        Path dir = site();
        Path md = dir.resolve(MD);
        Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8) + "\n" + "很长的一行。".repeat(200_000)
                + "\n", StandardCharsets.UTF_8);
        edit(dir.resolve(YAML), "publisher:", "publisher_note: \"" + "长".repeat(100_000) + "\"\npublisher:");
        BuildResult result = check(dir);
        located(result);
        assertEquals(1, of(result, Rule.Y3, YAML).size(), result.findings().toString());
    }
}

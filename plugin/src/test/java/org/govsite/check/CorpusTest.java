package org.govsite.check;

import org.govsite.pipeline.BuildResult;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Severity;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Rule;
import org.govsite.format.FormatCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus of invalid inputs: each folder under src/test/resources/invalid is a small source folder with one
 * defect, and its expected.txt lists every finding it must give (rule code, file, line), no more and no fewer.
 * The folders are made by invalid/generate.py from one valid baseline.
 */
class CorpusTest {
    private static final Pattern PRINTED = Pattern.compile(
            "reports/\\S+:\\d+:\\d+: (错误|警告|提示) \\[(R\\d+|Y\\d|M\\d)] \\S.*");

    /** Words of SnakeYAML's and Jackson's messages (found character, expected, while parsing, mapping values). */
    private static final Pattern PARSER_WORDS = Pattern.compile(
            "(?i)\\b(found|expected|while|parsing|scanning|mapping|token|character|allowed|unexpected)\\b");

    static List<Path> invalidCases() {
        return Fixtures.cases(Fixtures.invalid());
    }

    static List<Path> validCases() {
        return Fixtures.cases(Fixtures.valid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void invalidCaseGivesExactlyTheExpectedFindings(Path dir) throws IOException {
        List<String> expected = expected(dir);
        assertFalse(expected.isEmpty(), dir + ": expected.txt lists no finding");

        BuildResult result = Fixtures.check(dir);

        List<String> actual = result.findings().stream().map(Fixtures::key).sorted().toList();
        assertEquals(expected, actual, dir.getFileName() + ": " + result.findings());
        for (Finding f : result.findings()) {
            assertFalse(f.message().isBlank(), f.toString());
            assertFalse(f.message().contains("{0}"), f.toString());
            assertTrue(PRINTED.matcher(f.format(Language.CHINESE)).matches(), f.format(Language.CHINESE));
            if (published(dir)) {
                assertTrue(f.severity() != Severity.ERROR, "a published record's findings are warnings or notes: " + f);
            } else {
                assertEquals(f.rule().severity(), f.severity(), f.toString());
            }
        }
        Path messages = dir.resolve("message-texts.txt");
        if (Files.exists(messages)) {
            List<String> actualMessages = result.findings().stream().map(Finding::message).toList();
            for (String m : Files.readAllLines(messages, StandardCharsets.UTF_8)) {
                assertTrue(actualMessages.contains(m), dir.getFileName() + ": no finding says\n" + m + "\nbut "
                        + actualMessages);
            }
        }
        assertEquals(result.findings().stream().anyMatch(f -> f.severity() == org.govsite.diagnostics.Severity.ERROR),
                result.failed(), "failOn error fails exactly when there is an error");
    }

    /**
     * The cases with a messages.txt: the exact Chinese text a webmaster reads. Chinese messages carry no parser
     * English; the English text (which may quote the parser) is given on request only.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void messagesAreTheExactChineseText(Path dir) throws IOException {
        Path file = dir.resolve("messages.txt");
        BuildResult result = Fixtures.check(dir);
        for (Finding f : result.findings()) {
            String zh = f.message(Language.CHINESE);
            if (f.rule() == Rule.Y1) {
                assertFalse(PARSER_WORDS.matcher(zh).find(), "the parser's English in a Chinese message: " + zh);
            }
        }
        if (!Files.exists(file)) {
            return;
        }
        List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).sorted().toList();
        assertEquals(expected, result.findings().stream().map(f -> f.format(Language.CHINESE)).sorted().toList());
        for (Finding f : result.findings()) {
            assertFalse(f.format(Language.ENGLISH).contains("错误"), f.format(Language.ENGLISH));
            assertFalse(f.message(Language.ENGLISH).equals(f.message(Language.CHINESE)), f.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCases")
    void validCaseHasNoFinding(Path dir) throws IOException {
        BuildResult result = Fixtures.check(dir);
        assertEquals(List.of(), result.findings(), dir.getFileName().toString());
        assertFalse(result.failed());
    }

    @Test
    void corpusCoversEveryRuleAndInputError() throws IOException {
        List<Path> cases = invalidCases();
        assertTrue(cases.size() >= 40, "at least 40 invalid cases, found " + cases.size());
        Set<String> covered = new TreeSet<>();
        for (Path dir : cases) {
            for (String line : expected(dir)) {
                covered.add(line.substring(0, line.indexOf(' ')));
            }
        }
        // L1 (broken link in the output) and P1 (no baseUrl) are about the generated site, not the input: they
        // are pinned by LinkCheckerTest and ArchiveOutputTest; G1 (unreadable Git history) by RevisionHistoryTest.
        Set<String> every = new TreeSet<>(Rule.known(FormatCatalog.builtIn()).stream().map(Rule::code).toList());
        every.removeAll(Set.of("L1", "P1", "G1"));
        assertEquals(every, covered);
    }

    @Test
    void caseFolderNamesSayWhatTheyPin() throws IOException {
        for (Path dir : invalidCases()) {
            String name = dir.getFileName().toString();
            String code = name.substring(0, name.indexOf('-')).toUpperCase(java.util.Locale.ROOT);
            assertTrue(expected(dir).stream().anyMatch(l -> l.startsWith(code + " ")),
                    name + " should give a finding " + code);
        }
    }

    @Test
    void gbkFixturesAreReallyNotUtf8() throws IOException {
        Path md = Fixtures.invalid().resolve("y5-gbk-encoded-markdown/reports/a/2024/report.md");
        byte[] bytes = Files.readAllBytes(md);
        String asGbk = new String(bytes, java.nio.charset.Charset.forName("GBK"));
        assertTrue(asGbk.startsWith("## 一、总体情况"), "the fixture is the baseline narrative in GBK");
    }

    /** Whether the case's report is a published record (status: published). */
    private static boolean published(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("report.yaml")).toList()) {
                if (new String(Files.readAllBytes(p), StandardCharsets.UTF_8).contains("\nstatus: published\n")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> expected(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(l -> !l.isEmpty()).sorted().toList();
    }
}

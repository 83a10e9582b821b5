package org.govsite.diagnostics;

import org.govsite.TestSites;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bug 3: a finding is a message key with typed arguments, put into words when printed. With
 * {@code -Dgovsite.language=en} the console and the findings files are English, and report pages stay Chinese.
 */
class FindingLanguageTest {
    private static BuildResult build(Path project, Locale language) throws IOException {
        Path source = TestSites.copySample(project);
        // published late: R10, a warning, is listed on the report page
        TestSites.replaceIn(source.resolve("reports/shanzhou-zfb/2024/report.yaml"), "format: \"2021\"\n",
                "format: \"2021\"\npublished: 2025-06-30\n");
        return new GovSite(BuildConfig.builder(project, source).pdf(false).outputDir(project.resolve("out"))
                .failOn(FailOn.ERROR).locale(language).build()).generate();
    }

    @Test
    void findingsAreTheSameInBothLanguagesAndPagesAreChinese(@TempDir Path tmp) throws IOException {
        BuildResult zh = build(tmp.resolve("zh"), Language.CHINESE);
        BuildResult en = build(tmp.resolve("en"), Language.ENGLISH);
        assertEquals(zh.findings(), en.findings(), "the same findings, whatever the language they are printed in");
        List<Finding> late = zh.findings().stream().filter(f -> f.rule() == Rule.R10).toList();
        assertEquals(1, late.size(), zh.findings().toString());
        Finding f = late.get(0);
        assertTrue(f.message(Language.CHINESE).startsWith("发布日期 2025-06-30 晚于法定期限"), f.message());
        assertTrue(f.message(Language.ENGLISH).startsWith("published on 2025-06-30, after the legal deadline"),
                f.message(Language.ENGLISH));
        assertTrue(f.format(Language.ENGLISH).contains(": warning [R10] published on"), f.format(Language.ENGLISH));

        String page = "agencies/shanzhou-zfb/2024.html";
        byte[] zhPage = Files.readAllBytes(tmp.resolve("zh/out").resolve(page));
        byte[] enPage = Files.readAllBytes(tmp.resolve("en/out").resolve(page));
        String text = new String(enPage, StandardCharsets.UTF_8);
        assertTrue(text.contains("[R10] 发布日期 2025-06-30 晚于法定期限"), "the warning is on the page, in Chinese");
        assertFalse(text.contains("published on"), "no English on a page");
        assertArrayEquals(zhPage, enPage, "a page does not depend on the build's language");
    }

    /**
     * A published record's findings show blank cells and the other side of an equation in words of the bundles, so
     * that an English build says "blank" and names the rule's side in English: nothing of the Chinese wording is built
     * in Java. The labels stay as the format has them (they are facts).
     */
    @Test
    void aPublishedRecordsBlanksAreSaidInTheReadersLanguage(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp.resolve("p"));
        BuildResult result = new GovSite(BuildConfig.builder(tmp.resolve("p"), source).failOn(FailOn.NONE)
                .locale(Language.ENGLISH).build()).check();
        List<Finding> record = result.findings().stream()
                .filter(f -> f.file().contains("shanzhou-fgw/2020/report.yaml"))
                .filter(f -> f.rule().code().startsWith("R")).toList();
        assertFalse(record.isEmpty(), result.findings().toString());
        String zh = String.join("\n", record.stream().map(f -> f.message(Language.CHINESE)).toList());
        String en = String.join("\n", record.stream().map(f -> f.message(Language.ENGLISH)).toList());
        assertTrue(zh.contains("空白"), zh);
        assertTrue(en.contains("(blank)") || en.contains("with blanks"), en);
        for (String words : List.of("空白", "各类申请人之和", "各办理结果之和", "按 0 计")) {
            assertFalse(en.contains(words), "English findings say " + words + ":\n" + en);
        }
    }
}

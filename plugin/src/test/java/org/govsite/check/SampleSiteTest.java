package org.govsite.check;

import org.govsite.pipeline.BuildResult;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample portal and the seed report pass clean; one changed number in the seed fails with its file and line. */
class SampleSiteTest {
    private static final String ZFB = "reports/shanzhou-zfb/";
    private static final String SEED_YAML = "src/govsite/" + ZFB + "2024/report.yaml";

    /** The published record of the sample site (issue 9): archived as published, its disagreements annotated. */
    private static final String PUBLISHED = "src/govsite/reports/shanzhou-fgw/2020/report.yaml";
    private static final String PUBLISHED_MD = "src/govsite/reports/shanzhou-fgw/2020/report.md";

    @Test
    void wholeSampleSiteHasNoFindingButItsPublishedRecordsDisagreements() throws IOException {
        Path project = Fixtures.sampleSite();
        BuildResult result = Fixtures.check(project, project.resolve("src/govsite"), Language.CHINESE);
        List<String> warnings = result.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.format(Language.CHINESE)).toList();
        assertEquals(List.of(PUBLISHED_MD + ":13:19: 警告 [R8] 正文“予以公开5件”与表格不一致：收到和处理政府信息公开申请情况中“（一）予以公开 / 总计”为 6"
                        + "（“总计”栏空白之处按“总计 = 各类申请人之和”计），正文为 5",
                PUBLISHED + ":32:49: 警告 [R2] 本报告发布时“（一）予以公开”一行“总计”栏为空；按各类申请人之和应为 6"),
                warnings);
        // every other finding is a note on that record's blanks: none on a draft (0 false findings)
        assertTrue(result.findings().stream().filter(f -> f.severity() == Severity.INFO)
                .allMatch(f -> f.file().equals(PUBLISHED) && f.message().contains("空白按 0 计")),
                result.findings().toString());
        assertTrue(result.findings().stream().filter(f -> !f.file().equals(PUBLISHED) && !f.file().equals(PUBLISHED_MD))
                .toList().isEmpty(),
                result.findings().toString());
        assertTrue(!result.failed());
        assertTrue(result.reports() >= 16, "reports read: " + result.reports());
    }

    @Test
    void seedAloneHasNoFinding(@TempDir Path tmp) throws IOException {
        Path source = seedCopy(tmp);
        BuildResult result = Fixtures.check(tmp, source, Language.CHINESE);
        assertEquals(1, result.reports());
        assertEquals(List.of(), result.findings());
    }

    @Test
    void format2019AndNarrativeOnlySampleReportsPass(@TempDir Path tmp) throws IOException {
        Path sample = Fixtures.sampleSite().resolve("src/govsite");
        Path source = tmp.resolve("src/govsite");
        Files.createDirectories(source.resolve(ZFB));
        Files.copy(sample.resolve("site.yaml"), source.resolve("site.yaml"));
        Files.copy(sample.resolve(ZFB + "agency.yaml"), source.resolve(ZFB + "agency.yaml"));
        for (String year : List.of("2018", "2020")) {
            Fixtures.copy(sample.resolve(ZFB + year), source.resolve(ZFB + year));
        }
        String y2020 = Files.readString(source.resolve(ZFB + "2020/report.yaml"), StandardCharsets.UTF_8);
        String y2018 = Files.readString(source.resolve(ZFB + "2018/report.yaml"), StandardCharsets.UTF_8);
        assertTrue(y2020.contains("format: \"2019\""));
        assertTrue(y2018.contains("format: none"));

        BuildResult result = Fixtures.check(tmp, source, Language.CHINESE);
        assertEquals(2, result.reports());
        assertEquals(List.of(), result.findings());
    }

    @Test
    void oneChangedNumberInTheSeedFailsWithItsFileAndLine(@TempDir Path tmp) throws IOException {
        Path source = seedCopy(tmp);
        Path yaml = source.resolve(ZFB + "2024/report.yaml");
        List<String> lines = Files.readAllLines(yaml, StandardCharsets.UTF_8);
        int line = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("new:")) {
                line = i + 1;
                assertEquals("    new:          [13,  0,  0,  0,  0,  0, 13]", lines.get(i));
                lines.set(i, "    new:          [13,  0,  0,  0,  0,  0, 12]");
            }
        }
        Files.write(yaml, lines, StandardCharsets.UTF_8);

        BuildResult result = Fixtures.check(tmp, source, Language.CHINESE);

        assertTrue(result.failed());
        final int changed = line;
        List<Finding> there = result.findings().stream()
                .filter(f -> f.file().equals(SEED_YAML) && f.line() == changed).toList();
        assertTrue(there.stream().anyMatch(f -> f.rule().code().equals("R1") && f.severity() == Severity.ERROR
                        && f.message().equals("总计：一(12) + 二(0) ≠ （七）总计(13) + 四(0)")),
                result.findings().toString());
        assertTrue(there.stream().anyMatch(f -> f.rule().code().equals("R2")), result.findings().toString());
        assertTrue(there.get(0).format(Language.CHINESE).startsWith(SEED_YAML + ":" + changed + ":"));
    }

    @Test
    void seedLettersOfEveryKindAreNotReadAsApplications() throws IOException {
        String md = Files.readString(Fixtures.sampleSite().resolve("src/govsite/" + ZFB + "2024/report.md"),
                StandardCharsets.UTF_8);
        assertTrue(md.contains("来信 117 件"), "the seed states 117 letters of every kind");
        // and wholeSampleSiteHasNoFinding shows that R8 does not read them as 117 applications
    }

    /** site.yaml, the 陕州区政府办 agency and its 2024 report (the seed) alone. */
    private static Path seedCopy(Path tmp) throws IOException {
        Path sample = Fixtures.sampleSite().resolve("src/govsite");
        Path source = tmp.resolve("src/govsite");
        Files.createDirectories(source.resolve(ZFB));
        Files.copy(sample.resolve("site.yaml"), source.resolve("site.yaml"));
        Files.copy(sample.resolve(ZFB + "agency.yaml"), source.resolve(ZFB + "agency.yaml"));
        Fixtures.copy(sample.resolve(ZFB + "2024"), source.resolve(ZFB + "2024"));
        return source;
    }
}

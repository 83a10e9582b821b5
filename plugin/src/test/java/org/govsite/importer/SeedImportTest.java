package org.govsite.importer;

import org.govsite.TestSites;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Severity;
import org.govsite.format.FormatCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's text (陕州区人民政府办公室 2024, copied from its portal page) imports to the sample site's numbers. */
class SeedImportTest {
    static Path seed() {
        return TestSites.pluginDir().resolve("src/test/resources/import/seed-shanzhou-zfb-2024.txt");
    }

    static Path sampleYaml() {
        return TestSites.sampleSource().resolve("reports/shanzhou-zfb/2024/report.yaml");
    }

    static ImportedReport read(Source source) {
        return new ReportReader(FormatCatalog.builtIn()).read(source, Optional.empty());
    }

    static List<Finding> errors(ImportedReport r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @Test
    void seedTextGivesExactlyTheNumbersOfTheSampleSite2024Report() throws IOException {
        ImportedReport report = read(Sources.read(seed(), "seed.txt"));
        assertEquals(List.of(), errors(report), () -> report.findings().toString());
        assertEquals(Optional.of(2024), report.year());
        assertEquals("2021", report.format().orElseThrow().id());
        assertEquals(Optional.of("三门峡市陕州区人民政府办公室"), report.agency());
        String yaml = ReportFiles.yaml(report, "seed.txt");
        Map<String, String> expected = YamlCells.of(sampleYaml());
        Map<String, String> actual = YamlCells.of(yaml);
        assertEquals(expected, actual);
        assertEquals(expected.size(), report.cellsRead());
        assertEquals(0, report.blanks());
        assertEquals("published", YamlCells.tree(yaml).path("status").asText());
    }

    @Test
    void seedNarrativeIsSplitIntoTheSixSectionsVerbatim() throws IOException {
        ImportedReport report = read(Sources.read(seed(), "seed.txt"));
        assertEquals(6, report.sections().size());
        assertEquals(List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"),
                report.sections().stream().map(ImportedReport.Section::heading).toList());
        String md = ReportFiles.markdown(report);
        assertTrue(md.contains("\n### （一）主动公开：\n"), md);
        assertTrue(md.contains("\n1. 信息发布：政府办公室通过政府网站"), md);
        // "二、存在问题及改进情况" inside section 五 is text, not a seventh heading
        assertTrue(md.contains("\n二、存在问题及改进情况\n") || md.contains("\n### 二、存在问题及改进情况\n"), md);
        // tables stay out of the narrative: sections 二 to 四 hold no text
        assertTrue(md.contains("## 二、主动公开政府信息情况\n\n## 三、收到和处理政府信息公开申请情况\n\n"
                + "## 四、政府信息公开行政复议、行政诉讼情况\n\n## 五、"), md);
        // every paragraph of the seed outside the tables is in report.md, character for character
        String seedText = Files.readString(seed(), StandardCharsets.UTF_8);
        for (String line : seedText.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || line.contains("\t") || l.startsWith("三门峡市陕州区人民政府办公室 2024")) {
                continue;
            }
            if (l.matches("[结果尚未其他总计 复议诉讼经直接起后行政维持纠正审]+")) {
                continue;
            }
            assertTrue(unescaped(md).contains(l), () -> "missing from report.md: " + l);
        }
        assertEquals(Optional.empty(), report.published());
        assertFalse(report.hasErrors());
    }

    /** report.md's text with Markdown's escapes and markers taken away. */
    static String unescaped(String md) {
        return md.replaceAll("\\\\([\\\\`*_\\[\\]<>&!|~#>+=:.)-])", "$1").replaceAll("(?m)^#{2,3} ", "");
    }
}

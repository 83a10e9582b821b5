package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** new-year scaffolds the sample site's next reports: carry-over filled, every other cell blank, nothing overwritten. */
class NewYearTest {
    private static BuildConfig config(Path project) {
        return BuildConfig.builder(project, project.resolve("src/govsite")).outputDir(project.resolve("target/govsite"))
                .build();
    }

    @Test
    void scaffoldsTheSample2025WithCarryOverFromLastYear(@TempDir Path project) throws Exception {
        Path source = TestSites.copySample(project);
        Path last = source.resolve("reports/shanzhou-fgw/2024/report.yaml");
        // make last year's carried-forward row distinctive (and keep the 2024 report consistent is not needed here)
        List<NewYear.Outcome> outcomes = new NewYear(config(project)).scaffold("shanzhou-fgw", Optional.empty(), 2025);
        assertEquals(1, outcomes.size());
        NewYear.Outcome o = outcomes.get(0);
        assertTrue(o.created());
        assertEquals(2025, o.year());
        Path yaml = source.resolve("reports/shanzhou-fgw/2025/report.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        String lastText = Files.readString(last, StandardCharsets.UTF_8);
        String forward = lastText.lines().filter(l -> l.trim().startsWith("carried_forward:")).findFirst()
                .orElseThrow().replaceAll(".*\\[(.*)\\].*", "$1").replaceAll("\\s+", "");
        String carried = text.lines().filter(l -> l.trim().startsWith("carried_over:")).findFirst()
                .orElseThrow().replaceAll(".*\\[(.*)\\].*", "$1").replaceAll("\\s+", "");
        assertEquals(forward, carried, "二、上年结转 = 2024's 四、结转下年度继续办理");
        assertTrue(text.contains("year: 2025\n"));
        assertTrue(text.contains("format: \"2021\"\n"));
        assertTrue(text.contains("现行有效件数应为上年"), "R6 hint from last year's stock");
        assertEquals(7, o.filled());

        String md = Files.readString(source.resolve("reports/shanzhou-fgw/2025/report.md"), StandardCharsets.UTF_8);
        for (String title : List.of("## 一、总体情况", "## 二、主动公开政府信息情况", "## 三、收到和处理政府信息公开申请情况",
                "## 四、政府信息公开行政复议、行政诉讼情况", "## 五、存在的主要问题及改进情况", "## 六、其他需要报告的事项")) {
            assertTrue(md.contains(title + "\n"), title);
        }
        assertTrue(md.contains("信息处理费"), "section 六's guidance");

        // The check of the new draft lists exactly the cells still to fill, and nothing else.
        BuildResult check = new GovSite(config(project)).check();
        List<Finding> draft = check.findings().stream()
                .filter(f -> f.file().endsWith("shanzhou-fgw/2025/report.yaml")).toList();
        assertEquals(o.blanks(), draft.size(), draft.toString());
        assertTrue(draft.stream().allMatch(f -> f.rule() == Rule.Y4 && f.severity() == Severity.ERROR), draft.toString());
        assertEquals(draft.size(), check.findings().stream().filter(f -> f.severity() == Severity.ERROR).count(),
                "no other errors anywhere: " + check.findings());
        assertEquals(10 + 25 * 7 - 7 + 15, o.blanks(), "every cell of tables 二, 三 and 四 but the carry-over");
    }

    @Test
    void allAgenciesAndNeverOverwrites(@TempDir Path project) throws Exception {
        Path source = TestSites.copySample(project);
        Path existing = source.resolve("reports/shanzhou-jyj/2025");
        Files.createDirectories(existing);
        Files.writeString(existing.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);

        List<NewYear.Outcome> outcomes = new NewYear(config(project)).scaffold(NewYear.ALL, Optional.of(2025), 2025);
        assertEquals(4, outcomes.size());
        for (NewYear.Outcome o : outcomes) {
            assertEquals(2025, o.year(), o.toString());
            assertEquals(!o.agency().equals("shanzhou-jyj"), o.created(), o.toString());
        }
        assertEquals(List.of("notes.txt"), TestSites.files(existing), "an existing folder is left exactly as it was");
        assertEquals("mine", Files.readString(existing.resolve("notes.txt"), StandardCharsets.UTF_8));
        try (var s = Files.list(source.resolve("reports/shanzhou-zfb"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".govsite")), "no staging left");
        }
    }

    @Test
    void anExplicitYearAndAnUnknownAgency(@TempDir Path project) throws Exception {
        TestSites.copySample(project);
        NewYear newYear = new NewYear(config(project));
        assertThrows(IllegalArgumentException.class, () -> newYear.scaffold("nosuch", Optional.empty(), 2025));
        NewYear.Outcome o = newYear.scaffold("dayingzhen", Optional.of(2030), 2025).get(0);
        assertTrue(o.created());
        assertEquals(0, o.filled(), "no report of 2029: nothing carried over");
    }
}

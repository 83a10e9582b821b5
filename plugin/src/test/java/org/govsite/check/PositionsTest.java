package org.govsite.check;

import org.govsite.TestSites;
import org.govsite.diagnostics.Finding;
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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Findings about metadata values and narrative links carry the place of the value or link itself: R10 at
 * {@code published}, L1 at the link's first character, also after many lines (the line index, not a linear count).
 */
class PositionsTest {
    @Test
    void aLateDateAndBrokenLinksAreFoundWhereTheyStand(@TempDir Path project) throws IOException {
        Path source = TestSites.copySample(project);
        Path yaml = source.resolve("reports/shanzhou-zfb/2024/report.yaml");
        TestSites.replaceIn(yaml, "format: \"2021\"\n", "format: \"2021\"\npublished:   2025-06-30\n");
        Path md = source.resolve("reports/shanzhou-zfb/2024/report.md");
        StringBuilder more = new StringBuilder("\n");
        for (int i = 0; i < 2000; i++) {
            more.append("第").append(i).append("行。\n\n");
        }
        more.append("见  [附件](missing.pdf)，又见 [另一个](none/2.pdf)。\n");
        Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8) + more, StandardCharsets.UTF_8);

        BuildResult r = new GovSite(BuildConfig.builder(project, source).build()).check();
        int publishedLine = TestSites.lineOf(yaml, "published:");
        int linkLine = TestSites.lineOf(md, "missing.pdf");
        List<String> at = r.findings().stream().filter(f -> f.rule().code().equals("R10")
                        || f.rule().code().equals("L1"))
                .map(f -> f.rule().code() + " " + f.file() + ":" + f.line() + ":" + f.column()).sorted().toList();
        assertEquals(List.of(
                "L1 src/govsite/reports/shanzhou-zfb/2024/report.md:" + linkLine + ":25",
                "L1 src/govsite/reports/shanzhou-zfb/2024/report.md:" + linkLine + ":4",
                "R10 src/govsite/reports/shanzhou-zfb/2024/report.yaml:" + publishedLine + ":14"), at,
                r.findings().stream().map(Finding::toString).toList().toString());
    }
}

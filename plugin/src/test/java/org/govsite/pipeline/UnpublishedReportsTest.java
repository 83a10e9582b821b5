package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Messages;
import org.govsite.diagnostics.Rule;
import org.govsite.output.write.LinkChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bug 2 of issue 8: with {@code failOn=none}, a report with an error (M2) was left out, but still entered the
 * summaries, the year lists, the neighbours, the feeds and the dataset: the site was published with 6 broken links.
 * Under every failOn, no page may link to a page that does not exist.
 */
class UnpublishedReportsTest {
    private static final String FGW = "reports/shanzhou-fgw/";

    private static BuildResult generate(Path project, Path source, Path out, FailOn failOn) throws IOException {
        return new GovSite(BuildConfig.builder(project, source).pdf(false).outputDir(out).failOn(failOn)
                .baseUrl("https://www.example.gov.cn/ndbg/").build()).generate();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(FailOn.class)
    void aReportWithAnErrorIsInNoListFeedOrSumAndNothingLinksToIt(FailOn failOn, @TempDir Path tmp)
            throws IOException {
        Path source = TestSites.copySample(tmp);
        TestSites.replaceIn(source.resolve(FGW + "2023/report.yaml"), "year: 2023", "year: 2022");
        Path out = tmp.resolve("target/govsite");
        BuildResult r = generate(tmp, source, out, failOn);

        List<Finding> errors = TestSites.notOnPublishedRecord(r.findings()).stream()
                .filter(f -> !f.rule().code().equals("R6") && !f.rule().equals(Rule.R8)).toList();
        assertEquals(List.of(Rule.M2), errors.stream().map(Finding::rule).toList(), r.findings().toString());
        assertEquals(failOn == FailOn.NONE, r.published(), r.findings().toString());
        if (!r.published()) {
            return;
        }
        assertEquals(List.of(), new LinkChecker(new Messages(Language.CHINESE), "").check(out),
                "no page links to a page that does not exist");
        assertFalse(Files.exists(out.resolve("agencies/shanzhou-fgw/2023.html")));
        assertFalse(Files.exists(out.resolve("agencies/shanzhou-fgw/2023.json")));
        for (String page : List.of("index.html", "years/2023.html", "agencies/shanzhou-fgw/index.html",
                "agencies/shanzhou-fgw/2022.html", "agencies/shanzhou-fgw/2024.html", "sitemap.xml", "atom.xml")) {
            assertFalse(read(out.resolve(page)).contains("shanzhou-fgw/2023.html")
                    || read(out.resolve(page)).contains("\"2023.html\""), page + " links to the unpublished report");
        }
        assertFalse(read(out.resolve("data/govsite-reports.csv")).contains("shanzhou-fgw,三门峡市陕州区发展和改革委员会,2023"),
                "the dataset leaves it out");
        String next = read(out.resolve("agencies/shanzhou-fgw/2022.html"));
        assertTrue(next.contains("href=\"2024.html\""), "the neighbour of 2022 is the next published report, 2024");
        assertTrue(read(out.resolve("agencies/shanzhou-fgw/2024.html")).contains("主要数据与2022年报告相比"),
                "2024 is compared with the previous published report");
    }

    @Test
    void aNarrativeLinkToAnUnpublishedReportIsAnErrorOnTheLinkingReportMd(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        TestSites.replaceIn(source.resolve("reports/shanzhou-zfb/2024/report.yaml"), "year: 2024", "year: 2023");
        Path md = source.resolve("reports/dayingzhen/2024/report.md");
        Files.writeString(md, read(md) + "\n参见[区政府报告](../shanzhou-zfb/2024.html)。\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("target/govsite");
        BuildResult r = generate(tmp, source, out, FailOn.NONE);

        Finding link = r.findings().stream().filter(f -> f.rule() == Rule.L1).findFirst().orElseThrow();
        assertEquals("src/govsite/reports/dayingzhen/2024/report.md", link.file());
        assertEquals(TestSites.lineOf(md, "区政府报告"), link.line());
        assertTrue(r.published());
        assertFalse(Files.exists(out.resolve("agencies/dayingzhen/2024.html")), "the linking report is left out too");
        assertTrue(Files.exists(out.resolve("agencies/dayingzhen/2023.html")));
        assertEquals(List.of(), new LinkChecker(new Messages(Language.CHINESE), "").check(out));
    }
}

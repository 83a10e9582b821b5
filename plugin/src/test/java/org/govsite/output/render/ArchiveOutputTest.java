package org.govsite.output.render;

import org.govsite.ArchiveFixtures;
import org.govsite.pipeline.BuildResult;
import org.govsite.diagnostics.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charts, feeds and determinism of the archive's output. */
class ArchiveOutputTest {
    @TempDir
    Path tmp;

    @Test
    void aChartHasTitleDescriptionWithEveryNumberAndATableBesideIt() throws Exception {
        ChartRenderer.ChartView c = ChartRenderer.chart("c1", "<某机构&>", "申请情况", List.of(2022, 2023),
                List.of("新收申请", "予以公开"), List.of(List.of(new BigDecimal(18), new BigDecimal(9)),
                        Arrays.asList(new BigDecimal(10), null)));
        assertEquals(Arrays.asList("18", "10"), c.rows().get(0).values());
        assertEquals(Arrays.asList("9", null), c.rows().get(1).values());
        StringWriter out = new StringWriter();
        new Templates(null).render("chart", Map.of("list", List.of(c)), out);
        String html = out.toString();
        assertTrue(html.contains("aria-labelledby=\"c1-title c1-desc\""), html);
        assertTrue(html.contains("<title id=\"c1-title\">&lt;某机构&amp;&gt;：申请情况</title>"), html);
        assertTrue(html.contains("<desc id=\"c1-desc\">2022年至2023年。新收申请：2022年 18，2023年 9。"
                + "予以公开：2022年 10，2023年 无数据。</desc>"), html);
        assertTrue(html.contains("viewBox=\"0 0 1000 236\""), "the SVG attribute keeps its case: " + html);
        assertTrue(html.contains("<td class=\"gs-num\">—</td>"), "a missing value in the data table");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<某机构"), "text is escaped");

        Path project = tmp.resolve("p");
        Path source = ArchiveFixtures.copy(ArchiveFixtures.SAMPLE, project);
        ArchiveFixtures.generate(project, source, project.resolve("out"), null);
        String agency = Files.readString(project.resolve("out/agencies/shanzhou-zfb/index.html"),
                StandardCharsets.UTF_8);
        int svg = agency.indexOf("<svg");
        assertTrue(svg > 0);
        int table = agency.indexOf("<table class=\"gs-listing gs-chart-data\">", svg);
        assertTrue(table > svg && agency.lastIndexOf("</figure>", table) < svg, "the table follows in the figure");
        assertTrue(agency.contains("<title id=\"chart-1-title\">"));
    }

    @Test
    void sitemapAndAtomOnlyWithBaseUrl() throws Exception {
        Path project = tmp.resolve("p");
        Path source = ArchiveFixtures.copy(ArchiveFixtures.SAMPLE, project);
        BuildResult without = ArchiveFixtures.generate(project, source, project.resolve("a"), null);
        assertFalse(Files.exists(project.resolve("a/sitemap.xml")));
        assertFalse(Files.exists(project.resolve("a/atom.xml")));
        assertTrue(Files.exists(project.resolve("a/404.html")));
        assertEquals("User-agent: *\nAllow: /\n", Files.readString(project.resolve("a/robots.txt")));
        assertTrue(without.findings().stream().anyMatch(f -> f.rule() == Rule.P1
                && f.message().contains("baseUrl")), without.findings().toString());

        BuildResult with = ArchiveFixtures.generate(project, source, project.resolve("b"),
                "https://www.example.gov.cn/ndbg");
        assertTrue(with.findings().stream().noneMatch(f -> f.rule() == Rule.P1));
        String sitemap = Files.readString(project.resolve("b/sitemap.xml"), StandardCharsets.UTF_8);
        assertTrue(sitemap.contains("<loc>https://www.example.gov.cn/ndbg/agencies/shanzhou-fgw/2023.html</loc>"
                + "<lastmod>2024-01-22</lastmod>"), sitemap);
        String atom = Files.readString(project.resolve("b/atom.xml"), StandardCharsets.UTF_8);
        // the feed's date is the newest publication date, never the build time
        String newest = atom.substring(atom.indexOf("<entry>"));
        String first = newest.substring(newest.indexOf("<updated>") + 9, newest.indexOf("</updated>"));
        assertTrue(atom.contains("  <updated>" + first + "</updated>\n  <link rel=\"self\""), atom);
        assertTrue(first.endsWith("T00:00:00+08:00"));
        assertTrue(Files.readString(project.resolve("b/robots.txt"))
                .contains("Sitemap: https://www.example.gov.cn/ndbg/sitemap.xml"));
        assertTrue(Files.readString(project.resolve("b/404.html"), StandardCharsets.UTF_8)
                .contains("href=\"https://www.example.gov.cn/ndbg/index.html\""));
    }

    @Test
    void twoBuildsAreByteIdentical() throws Exception {
        // the sample in place: inside the project's Git repository, so revision history is included too
        Path project = ArchiveFixtures.SAMPLE.getParent().getParent();
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        ArchiveFixtures.generate(project, ArchiveFixtures.SAMPLE, one, "https://www.example.gov.cn/");
        ArchiveFixtures.generate(project, ArchiveFixtures.SAMPLE, two, "https://www.example.gov.cn/");
        List<String> a = files(one);
        assertEquals(a, files(two));
        assertTrue(a.size() > 50, a.toString());
        for (String f : a) {
            assertTrue(Arrays.equals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f))), f);
        }
    }

    private static List<String> files(Path output) throws Exception {
        Path root = output.toRealPath();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}

package org.govsite;

import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.GovSite;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Severity;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Rule;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline end to end on the sample site, without Maven. */
class GovSiteTest {
    @TempDir
    static Path work;
    static Path site;
    static BuildResult result;

    @BeforeAll
    static void generateSample() throws IOException {
        site = work.resolve("site");
        result = new GovSite(config(TestSites.sampleProject(), TestSites.sampleSource(), site)).generate();
    }

    static BuildConfig config(Path project, Path source, Path output) {
        return BuildConfig.builder(project, source).pdf(false).outputDir(output).baseUrl("https://www.example.gov.cn/ndbg/")
                .build();
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void sampleSiteBuildsCleanAndPublishes() {
        assertEquals(List.of(), TestSites.notOnPublishedRecord(result.findings()));
        assertTrue(result.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR));
        assertTrue(result.published());
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
        assertTrue(Files.isRegularFile(site.resolve("assets/govsite.css")));
    }

    /** The seed's figures, each in its official cell (issue 2's acceptance examples). */
    @Test
    void seedFiguresSitInTheirOfficialCells() throws IOException {
        Document doc = page("agencies/shanzhou-zfb/2024.html");
        assertEquals("13", cell(doc, "t3-r-new", "t3-c-applicants-natural_person"));
        assertEquals("13", cell(doc, "t3-r-new", "t3-c-applicants-total"));
        assertEquals("13", cell(doc, "t3-r-results-other-other", "t3-c-applicants-natural_person"));
        assertEquals("13", cell(doc, "t3-r-results-other-other", "t3-c-applicants-total"));
        assertEquals("13", cell(doc, "t3-r-results-total", "t3-c-applicants-total"));
        List<String> others = new ArrayList<>();
        for (Element td : doc.select("#t3 td[headers]")) {
            String headers = td.attr("headers");
            boolean thirteen = (headers.contains("t3-r-new") || headers.contains("t3-r-results-other-other")
                    || headers.contains("t3-r-results-total"))
                    && (headers.contains("natural_person") || headers.contains("applicants-total"));
            if (!thirteen) {
                others.add(td.text());
            }
        }
        assertEquals(7 * 25 - 6, others.size(), "25 rows of 7 cells, 6 of them 13");
        assertTrue(others.stream().allMatch("0"::equals), "every other cell of table 三 is 0: " + others);
        String narrative = doc.select("main").text();
        assertTrue(narrative.contains("6099"), "narrative keeps 6099");
        assertTrue(narrative.contains("117"), "narrative keeps 117");
        assertEquals(15, doc.select("#t4 td").size(), "table 四 is one row of 15 numbers");
    }

    /** The row/column headers of table 三 nest as in the official table. */
    @Test
    void tableThreeHasTheOfficialHeaderStructure() throws IOException {
        Document doc = page("agencies/shanzhou-zfb/2024.html");
        Element corner = doc.selectFirst("#t3 thead td.gs-corner");
        assertEquals("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", corner.text());
        assertEquals("3", corner.attr("rowspan"));
        assertEquals("3", corner.attr("colspan"));
        assertEquals("7", doc.getElementById("t3-c-applicants").attr("colspan"));
        assertEquals("5", doc.getElementById("t3-c-applicants-organisations").attr("colspan"));
        assertEquals("2", doc.getElementById("t3-c-applicants-natural_person").attr("rowspan"));
        assertEquals("22", doc.getElementById("t3-r-results").attr("rowspan"));
        assertEquals("8", doc.getElementById("t3-r-results-refused").attr("rowspan"));
        assertEquals("3", doc.getElementById("t3-r-new").attr("colspan"));
        assertEquals("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                doc.getElementById("t3-r-results-partly_granted").text());
        assertEquals("2", doc.getElementById("t4-review").attr("rowspan"));
        assertEquals("10", doc.getElementById("t4-litigation").attr("colspan"));
    }

    private static String cell(Document doc, String rowId, String columnId) {
        List<Element> cells = doc.select("td[headers]").stream()
                .filter(td -> Set.of(td.attr("headers").split(" ")).containsAll(Set.of(rowId, columnId))).toList();
        assertEquals(1, cells.size(), rowId + " × " + columnId);
        return cells.get(0).text();
    }

    @Test
    void indexReachesEveryReport() throws IOException {
        Set<String> reports = new TreeSet<>();
        for (String f : TestSites.files(site)) {
            if (f.matches("agencies/[^/]+/[0-9]{4}\\.html")) {
                reports.add(f);
            }
        }
        assertEquals(16, reports.size());
        Set<String> reached = new TreeSet<>();
        Document index = page("index.html");
        for (Element a : index.select("a[href]")) {
            String target = a.attr("href");
            if (target.matches("(agencies/[^/]+/index|years/[0-9]{4})\\.html")) {
                Document next = page(target);
                Path base = Path.of(target).getParent();
                for (Element b : next.select("a[href]")) {
                    String resolved = base.resolve(b.attr("href")).normalize().toString().replace('\\', '/');
                    if (resolved.matches("agencies/[^/]+/[0-9]{4}\\.html")) {
                        reached.add(resolved);
                    }
                }
            }
        }
        assertEquals(reports, reached, "every report within two clicks of the index, by year and by agency");
    }

    @Test
    void linksAreRelativeAndNothingExternalIsLoaded() throws IOException {
        for (String f : TestSites.files(site)) {
            if (!f.endsWith(".html") || f.equals("404.html")) {
                // 404.html is served for missing pages at any depth: with a baseUrl it links absolutely, to the
                // site's own address (ArchiveOutputTest pins it)
                continue;
            }
            Document doc = page(f);
            assertEquals("zh-CN", doc.selectFirst("html").attr("lang"), f);
            for (Element e : doc.select("[href], [src]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                assertFalse(url.startsWith("/") || url.matches("^[a-z]+:.*"), f + " has a non-relative link " + url);
            }
            assertTrue(doc.select("script[src^=http], link[href^=http], img[src^=http]").isEmpty(), f);
        }
    }

    @Test
    void sampleReportsSayTheyAreSampleData() throws IOException {
        for (String f : TestSites.files(site)) {
            if (f.matches("agencies/[^/]+/[0-9]{4}\\.html")) {
                boolean seed = f.equals("agencies/shanzhou-zfb/2024.html");
                assertEquals(!seed, !page(f).select(".gs-sample-notice").isEmpty(), f);
                assertEquals(!seed, page(f).select(".gs-sample-notice").text().contains("示例数据"), f);
            }
        }
    }

    @Test
    void identicalInputGivesIdenticalBytes() throws IOException {
        Path again = work.resolve("again");
        new GovSite(config(TestSites.sampleProject(), TestSites.sampleSource(), again)).generate();
        assertEquals(TestSites.files(site), TestSites.files(again));
        for (String f : TestSites.files(site)) {
            assertArrayEquals(Files.readAllBytes(site.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
    }

    @Test
    void brokenInputPublishesNothingAndKeepsThePreviousOutput(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        Path out = tmp.resolve("target/govsite");
        assertTrue(new GovSite(config(tmp, source, out)).generate().published());
        byte[] before = Files.readAllBytes(out.resolve("agencies/shanzhou-zfb/2024.html"));
        List<String> filesBefore = TestSites.files(out);

        Path yaml = source.resolve("reports/shanzhou-zfb/2024/report.yaml");
        TestSites.replaceIn(yaml, "other:         [13,", "other:         [12,");
        BuildResult broken = new GovSite(config(tmp, source, out)).generate();

        assertTrue(broken.failed());
        assertFalse(broken.published());
        int line = TestSites.lineOf(yaml, "other:         [12,");
        Finding r2 = broken.findings().stream().filter(f -> f.rule().code().equals("R2")
                && f.severity() == Severity.ERROR).findFirst().orElseThrow();
        assertEquals("src/govsite/reports/shanzhou-zfb/2024/report.yaml", r2.file());
        assertEquals(line, r2.line());
        assertTrue(broken.findings().stream().anyMatch(f -> f.rule().code().equals("R3")), broken.findings().toString());
        assertEquals(filesBefore, TestSites.files(out));
        assertArrayEquals(before, Files.readAllBytes(out.resolve("agencies/shanzhou-zfb/2024.html")));
        // the failed (incremental) build's staging is kept as the next build's base, and nothing more
        assertEquals(2, TestSites.siteFolders(out).size(), TestSites.names(out.resolveSibling(".govsite.sites"))
                .toString());
    }

    @Test
    void findingPrintsPathLineColumnSeverityAndRule(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        Path yaml = source.resolve("reports/shanzhou-zfb/2024/report.yaml");
        TestSites.replaceIn(yaml, "new:          [13,", "new:          [12,");
        BuildResult r = new GovSite(config(tmp, source, null)).check();
        Finding r1 = r.findings().stream().filter(f -> f.rule().code().equals("R1")
                && f.severity() == Severity.ERROR).findFirst().orElseThrow();
        assertEquals("src/govsite/reports/shanzhou-zfb/2024/report.yaml:" + TestSites.lineOf(yaml, "new:")
                + ":" + r1.column() + ": 错误 [R1] 自然人：一(12) + 二(0) ≠ （七）总计(13) + 四(0)",
                r1.format(Language.CHINESE));
        assertTrue(r.summary(Language.CHINESE).startsWith("共检查 16 份报告：错误 "), r.summary(Language.CHINESE));
    }

    @Test
    void scriptInMarkdownNeverReachesThePage(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        Path md = source.resolve("reports/shanzhou-fgw/2024/report.md");
        String text = Files.readString(md, StandardCharsets.UTF_8);
        Files.writeString(md, text + "\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>"
                + " [点我](javascript:alert(3)) ![外链](https://example.com/a.png)\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        new GovSite(config(tmp, source, out)).generate();
        String html = Files.readString(out.resolve("agencies/shanzhou-fgw/2024.html"), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertEquals(List.of("../../assets/govsite.js"), doc.select("script").eachAttr("src"),
                "no script but the plugin's own reading-aid script");
        assertTrue(doc.select("script").stream().allMatch(e -> e.data().isEmpty()), "no inline script");
        assertTrue(doc.select("[onerror], [onclick], [onload]").isEmpty(), "no event handler");
        assertTrue(doc.select("a[href^=javascript]").isEmpty(), "no javascript: link");
        assertTrue(doc.select("img[src^=http]").isEmpty(), "no external image");
        assertTrue(doc.text().contains("<script>alert(1)</script>"), "the raw HTML is shown as text");
        assertEquals(1, Arrays.stream(html.split("\n")).filter(l -> l.contains("<script")).count());
    }

    @Test
    void attachmentsArePublishedBesideTheReportAndTheNarrativeLinksReachThem(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        Path folder = source.resolve("reports/shanzhou-fgw/2024");
        Files.write(folder.resolve("附件1.pdf"), new byte[] {'%', 'P', 'D', 'F'});
        Files.createDirectories(folder.resolve("img"));
        Files.write(folder.resolve("img/chart.png"), new byte[] {1, 2, 3});
        Files.writeString(folder.resolve("evil.html"), "<script>alert(1)</script>", StandardCharsets.UTF_8);
        Path md = folder.resolve("report.md");
        Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8)
                + "\n附件：[附件1](附件1.pdf)，![图表](./img/chart.png)，[页面](evil.html)\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        BuildResult r = new GovSite(config(tmp, source, out)).generate();

        Finding evil = r.findings().stream().filter(f -> f.rule() == Rule.M1).findFirst().orElseThrow();
        assertEquals("src/govsite/reports/shanzhou-fgw/2024/evil.html", evil.file());
        assertEquals(org.govsite.diagnostics.Severity.WARNING, evil.severity());
        assertTrue(r.findings().stream().anyMatch(f -> f.rule() == Rule.L1 && f.message().contains("evil.html")),
                "a link to a file that is not published is a broken link: " + r.findings());
        assertFalse(r.published());

        Files.delete(folder.resolve("evil.html"));
        Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8).replace("，[页面](evil.html)", ""),
                StandardCharsets.UTF_8);
        r = new GovSite(config(tmp, source, out)).generate();
        assertTrue(r.published(), r.findings().toString());
        assertArrayEquals(new byte[] {'%', 'P', 'D', 'F'},
                Files.readAllBytes(out.resolve("agencies/shanzhou-fgw/2024/附件1.pdf")));
        assertTrue(Files.isRegularFile(out.resolve("agencies/shanzhou-fgw/2024/img/chart.png")));
        Document doc = Jsoup.parse(out.resolve("agencies/shanzhou-fgw/2024.html").toFile(), "UTF-8");
        assertEquals("2024/img/chart.png", doc.select("main img").attr("src"));
        assertTrue(doc.select("main a").eachAttr("href").stream().anyMatch(h -> h.startsWith("2024/")
                && h.endsWith(".pdf")), doc.select("main a").eachAttr("href").toString());
    }
}

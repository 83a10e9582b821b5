package org.govsite.output.write;

import org.govsite.ArchiveFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The link check's quick pass sees what jsoup sees: the same references and ids, on every page of the sample site. */
class TagScannerTest {
    @TempDir
    Path tmp;

    @Test
    void seesExactlyWhatJsoupSeesOnEveryPageOfTheSampleSite() throws Exception {
        Path project = tmp.resolve("sample");
        Path source = ArchiveFixtures.copy(ArchiveFixtures.SAMPLE, project);
        ArchiveFixtures.generate(project, source, project.resolve("target/govsite"), "https://www.example.gov.cn/");
        List<Path> pages;
        try (Stream<Path> s = Files.walk(project.resolve("target/govsite").toRealPath())) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() > 10, pages.toString());
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            assertSame(html, page.toString());
        }
    }

    @Test
    void readsQuotesEntitiesCaseAndRepeatsAsJsoupDoes() {
        assertSame("""
                <!DOCTYPE html><html><head><title><a href="in-title.html" id="t"></title>
                <style>a[href="x.css"] { }</style><script>var s = '<a href="in-script.html" id="s">';</script></head>
                <body><!-- <a href="in-comment.html" id="c"> -->
                <A HREF='upper.html' ID=Up>x</A><a href=unquoted.html#f name=n1>y</a>
                <img src="a&amp;b.png" src="second.png" alt="&lt;"><p id="x" id="y">z</p>
                <a href = " spaced.html " >s</a><a href>empty</a><a name="only-name"></a><span name="not-an-id"></span>
                <textarea><a href="in-textarea.html"></textarea><svg><a xlink:href="x.svg"></a></svg>
                <a NaMe="mixed-name" data-id="no" hreff="no.html" iD="mixed-id"
                Href="mixed.html" HREF="again.html">m</a>
                <IMG Src="mixed-src.png" data-src="lazy.png" ids="no"><p name="n" Name="n2" ID="p-id" id="p-id2">q</p>
                </body></html>
                """, "edge cases");
    }

    @Test
    void neverSeesAnIdInACommentOrScript() {
        Set<String> ids = TagScanner.scan("<!-- <p id=a> --><script>'<p id=b>'</script><p id=c>", (n, v) -> {
        }).ids();
        assertEquals(Set.of("c"), ids);
        assertFalse(ids.contains("a"));
    }

    private static void assertSame(String html, String where) {
        Document doc = Jsoup.parse(html);
        List<String> expected = new ArrayList<>();
        for (Element e : doc.select("[href], [src]")) {
            for (String attr : List.of("href", "src")) {
                if (e.hasAttr(attr)) {
                    expected.add(attr + "=" + e.attr(attr));
                }
            }
        }
        Set<String> expectedIds = new HashSet<>();
        doc.select("[id]").forEach(e -> expectedIds.add(e.id()));
        doc.select("a[name]").forEach(e -> expectedIds.add(e.attr("name")));
        List<String> links = new ArrayList<>();
        Set<String> ids = TagScanner.scan(html, (n, v) -> links.add(n + "=" + v)).ids();
        assertEquals(expected, links, where);
        assertEquals(expectedIds, ids, where);
    }
}

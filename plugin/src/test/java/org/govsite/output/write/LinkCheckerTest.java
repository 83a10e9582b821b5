package org.govsite.output.write;

import org.govsite.ArchiveFixtures;
import org.govsite.pipeline.BuildResult;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Messages;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkCheckerTest {
    @TempDir
    Path tmp;

    @Test
    void theSampleSitePasses() throws Exception {
        Path project = tmp.resolve("sample");
        Path source = ArchiveFixtures.copy(ArchiveFixtures.SAMPLE, project);
        BuildResult result = ArchiveFixtures.generate(project, source, project.resolve("target/govsite"),
                "https://www.example.gov.cn/ndbg/");
        assertTrue(result.findings().stream().noneMatch(f -> f.rule() == Rule.L1), result.findings().toString());
        assertTrue(result.published());
        // and a second look at the published site finds nothing either
        assertEquals(List.of(), new LinkChecker(new Messages(Language.CHINESE), "")
                .check(project.resolve("target/govsite")));
    }

    /**
     * A theme template is trusted, but a broken link in it still stops the build clearly: an L1 error on the template
     * file, where the link is written (once, however many pages use the template), never on a generated page.
     */
    @Test
    void aBrokenLinkInAThemeTemplateFailsTheBuildAndNamesTheTemplate() throws Exception {
        Path project = tmp.resolve("broken");
        Path source = ArchiveFixtures.copy(ArchiveFixtures.fixture("broken-link"), project);
        Path output = project.resolve("target/govsite");
        Files.createDirectories(output);
        Files.writeString(output.resolve("previous.html"), "previous", StandardCharsets.UTF_8);
        BuildResult result = ArchiveFixtures.generate(project, source, output, null);
        assertTrue(result.failed());
        assertFalse(result.published());
        List<Finding> l1 = result.findings().stream().filter(f -> f.rule() == Rule.L1).toList();
        assertEquals(2, l1.size(), l1.toString());
        for (Finding f : l1) {
            assertEquals(Severity.ERROR, f.severity());
            assertEquals("src/govsite/theme/templates/opendata-link.html", f.file());
            assertEquals(4, f.line());
        }
        assertEquals(List.of(15, 52), l1.stream().map(Finding::column).toList(), "where each link is written");
        assertTrue(l1.stream().anyMatch(f -> f.message().contains("attachment.pdf")), l1.toString());
        assertTrue(l1.stream().anyMatch(f -> f.message().contains("#no-such-anchor")), l1.toString());
        // nothing was published: the previous output is intact
        assertEquals("previous", Files.readString(output.resolve("previous.html"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(output.resolve("index.html")));
    }

    @Test
    void fragmentsIntoOtherPagesAndStylesheetUrlsAreChecked() throws Exception {
        Path root = tmp.resolve("site");
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("index.html"), "<!DOCTYPE html><p id=\"top\">x</p>\n"
                + "<a href=\"a/page.html#here\">ok</a><a href=\"a/page.html#gone\">bad</a>"
                + "<a href=\"https://example.org/x\">external</a><img src=\"a/\" alt=\"\">", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("a/page.html"), "<h1 id=\"here\">h</h1><a href=\"../index.html#top\">up</a>",
                StandardCharsets.UTF_8);
        Files.writeString(root.resolve("a/index.html"), "<p>dir</p>", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("a/s.css"), "body{}\n.x{background:url(\"img/none.png\")}",
                StandardCharsets.UTF_8);
        List<Finding> found = new LinkChecker(new Messages(Language.ENGLISH), "out").check(root);
        assertEquals(2, found.size(), found.toString());
        assertEquals("out/a/s.css", found.get(0).file());
        assertEquals(2, found.get(0).line());
        assertTrue(found.get(0).message().contains("img/none.png"));
        assertEquals("out/index.html", found.get(1).file());
        assertTrue(found.get(1).message().contains("gone"));
    }
}

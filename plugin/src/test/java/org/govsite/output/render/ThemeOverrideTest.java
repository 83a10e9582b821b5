package org.govsite.output.render;

import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A portal themes the archive from its own project, without forking the plugin: its
 * {@code theme/templates/header.html}, {@code footer.html} and {@code head.html} replace the plugin's, its
 * {@code theme/assets/**} (logo, colours) are published under assets/, and everything it does not override stays.
 */
class ThemeOverrideTest {
    private static final Path SAMPLE = Path.of("..", "sample-site");
    private static final Path FIXTURE = Path.of("src", "test", "resources", "theme-fixture", "theme");

    @Test
    void aPortalThemeReplacesHeaderFooterLogoAndColours(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("src");
        copyTree(SAMPLE.resolve(Path.of("src", "govsite")), source);
        copyTree(FIXTURE, source.resolve("theme"));
        Path out = dir.resolve("site");
        BuildResult result = new GovSite(BuildConfig.builder(SAMPLE, source).pdf(false).outputDir(out).build()).generate();
        assertTrue(result.published(), () -> result.findings().toString());

        Document report = Jsoup.parse(Files.readString(out.resolve("agencies/shanzhou-zfb/2024.html"),
                StandardCharsets.UTF_8));
        Element header = report.selectFirst("body > header");
        assertNotNull(header);
        assertTrue(header.hasClass("portal-header"), "the portal's header.html is used");
        assertEquals("../../assets/img/logo.svg", header.selectFirst("img.portal-logo").attr("src"), "the logo");
        assertTrue(header.text().contains("示例市人民政府门户网站"));
        assertTrue(report.selectFirst("body > footer").text().contains("主办：示例市人民政府办公室"), "its footer.html");
        assertNull(report.selectFirst("footer:containsOwn(第四十九条)"), "the plugin's footer is replaced");

        assertEquals("../../assets/govsite.css", report.selectFirst("head link[rel=stylesheet]").attr("href"));
        assertEquals("../../assets/portal.css", report.select("head link[rel=stylesheet]").get(1).attr("href"),
                "its head.html adds its stylesheet after the plugin's");
        assertTrue(Files.readString(out.resolve("assets/portal.css"), StandardCharsets.UTF_8)
                .contains("--govsite-brand: #004080"), "its colours are published");
        assertArrayEquals(Files.readAllBytes(FIXTURE.resolve("assets/img/logo.svg")),
                Files.readAllBytes(out.resolve("assets/img/logo.svg")), "its static files are published");

        assertTrue(Files.exists(out.resolve("assets/govsite.css")) && Files.exists(out.resolve("assets/govsite.js")),
                "the plugin's own assets stay");
        assertEquals(3, report.select("table.gs-official").size(), "templates it does not override stay the plugin's");
        assertNotNull(report.selectFirst("a.gs-skip-link[href=#main-content]"));

        Document index = Jsoup.parse(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8));
        assertEquals("assets/img/logo.svg", index.selectFirst("img.portal-logo").attr("src"), "relative at the root");
    }

    @Test
    void aPortalMayReplaceTheStylesheetItself(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("src");
        copyTree(SAMPLE.resolve(Path.of("src", "govsite")), source);
        Files.createDirectories(source.resolve("theme/assets"));
        Files.writeString(source.resolve("theme/assets/govsite.css"), "body { color: #000; }\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("site");
        assertTrue(new GovSite(BuildConfig.builder(SAMPLE, source).pdf(false).outputDir(out).build())
                .generate().published());
        assertEquals("body { color: #000; }\n", Files.readString(out.resolve("assets/govsite.css"),
                StandardCharsets.UTF_8));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        org.govsite.TestSites.copyTree(from, to);
    }
}

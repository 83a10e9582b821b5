package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.output.write.SiteWriter;
import org.govsite.output.write.SiteSelfCheckException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole-site link walk is a self-check: a broken link that neither a narrative nor a theme template explains is a
 * fault of the plugin (an exception, which the Mojo turns into a BUILD ERROR), never a finding, and nothing is
 * published.
 */
class SelfCheckTest {
    @Test
    void aBrokenLinkThatNoSourceExplainsIsAPluginFault(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        Path templates = Files.createDirectories(source.resolve("theme/templates"));
        // a link computed so that its text appears nowhere in the template: it cannot be traced to a source
        Files.writeString(templates.resolve("opendata-link.html"), "<section xmlns:th=\"http://www.thymeleaf.org\" "
                + "th:fragment=\"link\"><a th:href=\"${'no' + 'where.html'}\">x</a></section>\n",
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("target/govsite");
        Files.createDirectories(out);
        Files.writeString(out.resolve(SiteWriter.MARKER), "", StandardCharsets.UTF_8); // a site govsite wrote before
        Files.writeString(out.resolve("previous.html"), "previous", StandardCharsets.UTF_8);
        SiteSelfCheckException e = assertThrows(SiteSelfCheckException.class, () -> new GovSite(
                BuildConfig.builder(tmp, source).pdf(false).outputDir(out).build()).generate());
        assertTrue(e.getMessage().contains("nowhere.html"), e.getMessage());
        assertTrue(e.broken().stream().allMatch(f -> f.file().startsWith("target/govsite/")), e.broken().toString());
        assertEquals("previous", Files.readString(out.resolve("previous.html"), StandardCharsets.UTF_8));
    }
}

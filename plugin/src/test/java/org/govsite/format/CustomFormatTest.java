package org.govsite.format;

import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A portal's own format, from &lt;sourceDirectory&gt;/formats/*.yaml: read, used by reports, checked like the others. */
class CustomFormatTest {
    private static final String REPORT = "reports/a/2024/report.yaml";

    private static Path baseline(Path tmp) throws IOException {
        Path from = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/valid/baseline");
        org.govsite.TestSites.copyTree(from, tmp);
        return tmp;
    }

    private static void localFormat(Path source, String text) throws IOException {
        Files.createDirectories(source.resolve("formats"));
        Files.writeString(source.resolve("formats/local.yaml"), text, StandardCharsets.UTF_8);
    }

    private static void useLocal(Path source) throws IOException {
        Path report = source.resolve(REPORT);
        Files.writeString(report, Files.readString(report, StandardCharsets.UTF_8)
                .replace("format: \"2021\"", "format: local"), StandardCharsets.UTF_8);
    }

    private static BuildResult check(Path dir) throws IOException {
        return new GovSite(BuildConfig.builder(dir, dir).build()).check();
    }

    private static String local() throws IOException {
        return FormatReaderTest.builtIn("2021").replace("id: \"2021\"", "id: local")
                .replace("title: 国办公开办函〔2021〕30号", "title: 示例县的格式");
    }

    @Test
    void portalFormatIsReadAndChecked(@TempDir Path tmp) throws IOException {
        Path dir = baseline(tmp);
        localFormat(dir, local());
        useLocal(dir);
        FormatCatalog catalog = FormatCatalog.withCustom(dir.resolve("formats"));
        assertEquals(List.of("2019", "2021", "local"), catalog.all().stream().map(FormatDefinition::id).toList());
        assertEquals("2021", catalog.forYear(2024).orElseThrow().id(), "a portal's format is used only by name");
        assertEquals(List.of(), check(dir).findings());

        Path report = dir.resolve(REPORT);
        Files.writeString(report, Files.readString(report, StandardCharsets.UTF_8)
                .replace("review: [ 1,  0,  0,  0,  1]", "review: [ 1,  0,  0,  0,  2]"), StandardCharsets.UTF_8);
        List<Finding> findings = check(dir).findings();
        assertTrue(findings.stream().anyMatch(f -> f.rule() == Rule.R4 && f.file().equals(REPORT)
                && f.line() == 49), findings.toString());
    }

    @Test
    void portalFormatWithUnknownRuleCodeStopsTheBuildWithItsName(@TempDir Path tmp) throws IOException {
        Path dir = baseline(tmp);
        localFormat(dir, local().replace("- {code: R4, table: review_litigation", "- {code: R4x, table: review_litigation"));
        FormatDefinitionException e = assertThrows(FormatDefinitionException.class, () -> check(dir));
        assertTrue(e.getMessage().contains("local.yaml: unknown rule code 'R4x'"), e.getMessage());
    }
}

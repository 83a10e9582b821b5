package org.govsite.importer;

import com.fasterxml.jackson.databind.JsonNode;
import org.govsite.TestSites;
import org.govsite.format.FormatCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real reports as published ({@code src/test/resources/published/}): each page imports with every cell equal to
 * its expected file — numbers, blanks, amounts with their unit — and its narrative equal to the fixture's report.md.
 */
class PublishedCorpusTest {
    private static Path fixture(String slug) {
        return TestSites.pluginDir().resolve("src/test/resources/published").resolve(slug);
    }

    /** The fixture's source as published: a saved page ({@code source.html}) or a copied text ({@code source.txt}). */
    private static String sourceName(String slug) {
        return Files.exists(fixture(slug).resolve("source.html")) ? "source.html" : "source.txt";
    }

    private static ImportedReport read(String slug) throws IOException {
        String name = sourceName(slug);
        Source source = Sources.read(fixture(slug).resolve(name), slug + "/" + name);
        return new ReportReader(FormatCatalog.builtIn()).read(source, Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"shanghai-szfbgt-2019", "shanghai-szf-2020", "shuyang-fgj-2023", "pingtan-2019", "pingtan-2024",
            "pingtan-junshan-2023"})
    void everyCellIsAsPublished(String slug) throws IOException {
        ImportedReport report = read(slug);
        assertEquals(List.of(), SeedImportTest.errors(report), () -> report.findings().toString());
        String yaml = ReportFiles.yaml(report, sourceName(slug));
        Map<String, String> expected = YamlCells.of(fixture(slug).resolve("expected.yaml"));
        assertEquals(expected, YamlCells.of(yaml));
        JsonNode want = YamlCells.tree(Files.readString(fixture(slug).resolve("expected.yaml"), StandardCharsets.UTF_8));
        JsonNode got = YamlCells.tree(yaml);
        for (String key : List.of("year", "format", "status", "published")) {
            assertEquals(want.path(key).asText(), got.path(key).asText(), key);
        }
        long blanks = expected.values().stream().filter("~"::equals).count();
        assertEquals(blanks, report.blanks());
    }

    @ParameterizedTest
    @ValueSource(strings = {"shanghai-szfbgt-2019", "shanghai-szf-2020", "shuyang-fgj-2023", "pingtan-2019", "pingtan-2024",
            "pingtan-junshan-2023"})
    void narrativeIsTheFixturesReportMd(String slug) throws IOException {
        ImportedReport report = read(slug);
        String want = Files.readString(fixture(slug).resolve("report.md"), StandardCharsets.UTF_8).strip();
        String got = ReportFiles.markdown(report).strip();
        assertEquals(SeedImportTest.unescaped(want), SeedImportTest.unescaped(got));
    }
}

package org.govsite.load;

import org.govsite.TestSites;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Rule;
import org.govsite.format.FormatCatalog;
import org.govsite.model.SourcePos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loader on its own: every metadata value keeps where it stands, and findings about it point there. */
class SiteLoaderTest {
    private static final String YAML = "reports/a/2024/report.yaml";

    private static Path baseline(Path tmp) throws IOException {
        TestSites.copyTree(TestSites.pluginDir().resolve("src/test/resources/valid/baseline"), tmp);
        return tmp;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Loads the 2024 report of agency a. */
    private static Optional<LoadedReport> load(Path dir, List<Finding> findings) throws IOException {
        SiteLoader loader = new SiteLoader(dir, dir, FormatCatalog.builtIn(), findings::add);
        AgencySource a = loader.agencies(loader.siteInfo()).get(0);
        AgencySource.YearSource y2024 = a.years().stream().filter(y -> y.year() == 2024).findFirst().orElseThrow();
        return loader.load(a.agency(), y2024);
    }

    private static SourcePos at(Finding f) {
        return new SourcePos(f.file(), f.line(), f.column());
    }

    @Test
    void everyMetadataValueHasItsPosition(@TempDir Path tmp) throws IOException {
        Path dir = baseline(tmp);
        replace(dir.resolve(YAML), "publisher: 示例县教育局\n", "publisher: 示例县教育局\ntitle:  某某报告\nsample: false\n");
        List<Finding> findings = new ArrayList<>();
        MetaPositions pos = load(dir, findings).orElseThrow().meta();
        assertEquals(List.of(), findings);
        assertEquals(new SourcePos(YAML, 1, 7), pos.year());
        assertEquals(new SourcePos(YAML, 2, 9), pos.format());
        assertEquals(new SourcePos(YAML, 3, 12), pos.published());
        assertEquals(new SourcePos(YAML, 4, 12), pos.publisher());
        assertEquals(new SourcePos(YAML, 5, 9), pos.title());
        assertEquals(new SourcePos(YAML, 6, 9), pos.sample());
        assertEquals(new SourcePos(YAML, 0, 0), pos.indexNo(), "not given: the whole file");
        assertTrue(pos.tables().line() >= 7, pos.tables().toString());
    }

    @Test
    void findingsAboutMetadataPointAtTheValue(@TempDir Path tmp) throws IOException {
        Path dir = baseline(tmp);
        replace(dir.resolve(YAML), "year: 2024", "year:   2023");
        replace(dir.resolve(YAML), "published: 2025-01-20", "published:   2025-13-01");
        List<Finding> findings = new ArrayList<>();
        LoadedReport loaded = load(dir, findings).orElseThrow();
        assertEquals(List.of("M2 1:9", "M1 3:14"),
                findings.stream().map(f -> f.rule().code() + " " + f.line() + ":" + f.column()).toList());
        assertEquals(loaded.meta().year(), at(findings.get(0)));
        assertEquals(loaded.meta().published(), loaded.published());
    }

    @Test
    void anUnknownFormatPointsAtItsValue(@TempDir Path tmp) throws IOException {
        Path dir = baseline(tmp);
        replace(dir.resolve(YAML), "format: \"2021\"", "format:  \"2022\"");
        List<Finding> findings = new ArrayList<>();
        assertTrue(load(dir, findings).isEmpty());
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Rule.M1, findings.get(0).rule());
        assertEquals(new SourcePos(YAML, 2, 10), at(findings.get(0)));
    }
}

package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.browser.SampleSite;
import org.govsite.diagnostics.Severity;
import org.govsite.format.FormatCatalog;
import org.govsite.importer.ImportRoundTrip;
import org.govsite.importer.ImportedReport;
import org.govsite.importer.ReportFiles;
import org.govsite.importer.ReportReader;
import org.govsite.importer.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Round trip: every report page {@code generate} writes for the sample site, imported again (as a saved HTML page),
 * gives back its report.yaml's values and its narrative's text.
 */
class ImportGeneratedPagesTest {
    /** The pages as published, with their PDF links: the sample site as the tests that only read it share it. */
    @Test
    void everyGeneratedReportPageImportsBackToItsSource(@TempDir Path tmp) throws IOException {
        Path site = SampleSite.shared();
        List<Path> pages;
        try (Stream<Path> s = Files.walk(site.resolve("agencies"))) {
            pages = s.filter(p -> p.getFileName().toString().matches("\\d{4}\\.html")).sorted().toList();
        }
        assertTrue(pages.size() >= 10, pages.toString());
        List<String> checked = new ArrayList<>();
        for (Path page : pages) {
            String agency = page.getParent().getFileName().toString();
            String year = page.getFileName().toString().substring(0, 4);
            Path source = TestSites.sampleSource().resolve("reports").resolve(agency).resolve(year);
            ImportedReport report = new ReportReader(FormatCatalog.builtIn()).read(
                    Sources.read(page, page.getFileName().toString()), Optional.of(Integer.parseInt(year)));
            assertEquals(List.of(), report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList(),
                    page.toString());
            String yaml = ReportFiles.yaml(report, page.getFileName().toString());
            assertEquals(ImportRoundTrip.cells(source.resolve("report.yaml")), ImportRoundTrip.cellsOf(yaml),
                    page.toString());
            List<String> want = ImportRoundTrip.narrativeText(source.resolve("report.md"));
            String got = ImportRoundTrip.plain(ReportFiles.markdown(report));
            for (String paragraph : want) {
                assertTrue(got.contains(paragraph), page + ": narrative lost \"" + paragraph + "\"");
            }
            checked.add(agency + "/" + year);
        }
        assertTrue(checked.contains("shanzhou-zfb/2024"), checked.toString());
        // and through the goal's pipeline, into a copy of the site, as a new agency
        Path project = tmp.resolve("project");
        Path copy = TestSites.copySample(project);
        Path page = site.resolve("agencies/shanzhou-zfb/2024.html");
        Import.Result result = new Import(BuildConfig.builder(project, copy).build()).run(new Import.Request(page,
                Optional.of("zfb-again"), Optional.empty(), false));
        assertTrue(result.outcomes().get(0).imported(), result.outcomes().get(0).findings().toString());
        assertEquals(ImportRoundTrip.cells(TestSites.sampleSource().resolve("reports/shanzhou-zfb/2024/report.yaml")),
                ImportRoundTrip.cells(copy.resolve("reports/zfb-again/2024/report.yaml")));
    }
}

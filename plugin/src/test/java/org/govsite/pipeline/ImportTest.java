package org.govsite.pipeline;

import org.govsite.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import goal's orchestration: where files go, never overwriting, never a partial report. */
class ImportTest {
    private static final Path SEED = TestSites.pluginDir().resolve("src/test/resources/import/seed-shanzhou-zfb-2024.txt");
    private static final Path SHANGHAI = TestSites.pluginDir()
            .resolve("src/test/resources/published/shanghai-szfbgt-2019/source.html");

    private static BuildConfig config(Path project) {
        return BuildConfig.builder(project, project.resolve("src/govsite")).build();
    }

    private static String seedFor(int year) throws IOException {
        return Files.readString(SEED, StandardCharsets.UTF_8).replace("三门峡市陕州区人民政府办公室 2024 年政府信息公开工作年度报告",
                "三门峡市陕州区人民政府办公室 " + year + " 年政府信息公开工作年度报告");
    }

    private static List<Path> staging(Path reports) throws IOException {
        try (Stream<Path> s = Files.walk(reports)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".govsite-import-")).toList();
        }
    }

    @Test
    void aNewAgencysReportGetsItsFoldersAndAgencyYaml(@TempDir Path tmp) throws IOException {
        TestSites.copySample(tmp);
        Import.Result result = new Import(config(tmp)).run(new Import.Request(SHANGHAI, Optional.of("shanghai-szfbgt"),
                Optional.empty(), false));
        Import.Outcome o = result.outcomes().get(0);
        assertTrue(o.imported(), o.findings().toString());
        Path dir = tmp.resolve("src/govsite/reports/shanghai-szfbgt");
        String agency = Files.readString(dir.resolve("agency.yaml"), StandardCharsets.UTF_8);
        assertTrue(agency.contains("name: \"上海市人民政府办公厅\"") && agency.contains("kind: department")
                && agency.contains("group: department"), agency);
        String yaml = Files.readString(dir.resolve("2019/report.yaml"), StandardCharsets.UTF_8);
        assertTrue(yaml.contains("\nstatus: published\n") && yaml.contains("\nyear: 2019\n")
                && yaml.contains("\npublished: 2020-01-31\n"), yaml);
        assertTrue(Files.readString(dir.resolve("2019/report.md"), StandardCharsets.UTF_8)
                .contains("## 六、其他需要报告的事项"));
        assertEquals("2019", o.format());
        assertEquals(161 + 15 + 22, o.cells());
        assertEquals(List.of(), staging(tmp.resolve("src/govsite/reports")));
        assertTrue(result.check().reports() > 0, "the check ran over the site");
    }

    @Test
    void anExistingReportIsNeverOverwrittenUnlessAsked(@TempDir Path tmp) throws IOException {
        TestSites.copySample(tmp);
        Path year = tmp.resolve("src/govsite/reports/shanzhou-zfb/2024");
        Path yaml = year.resolve("report.yaml");
        String before = Files.readString(yaml, StandardCharsets.UTF_8);
        Files.writeString(year.resolve("附件1.pdf"), "attachment");
        Import.Result refused = new Import(config(tmp)).run(new Import.Request(SEED, Optional.empty(), Optional.empty(),
                false));
        assertFalse(refused.outcomes().get(0).imported());
        assertEquals("import.exists", refused.outcomes().get(0).findings().get(0).content().key());
        assertEquals(before, Files.readString(yaml, StandardCharsets.UTF_8));
        Import.Result replaced = new Import(config(tmp)).run(new Import.Request(SEED, Optional.empty(), Optional.empty(),
                true));
        assertTrue(replaced.outcomes().get(0).imported(), replaced.outcomes().get(0).findings().toString());
        assertEquals("shanzhou-zfb", replaced.outcomes().get(0).agency(), "found by its name");
        assertTrue(Files.readString(yaml, StandardCharsets.UTF_8).contains("\nstatus: published\n"));
        assertEquals("attachment", Files.readString(year.resolve("附件1.pdf")), "attachments stay");
        assertEquals(List.of(), staging(tmp.resolve("src/govsite/reports")));
    }

    @Test
    void aFolderOfMixedFilesImportsEachAndLeavesNoPartialReport(@TempDir Path tmp) throws IOException {
        TestSites.copySample(tmp);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a-2025.txt"), seedFor(2025), StandardCharsets.UTF_8);
        Files.copy(SHANGHAI, in.resolve("b-shanghai.html"));
        Files.write(in.resolve("c-scan.pdf"), emptyPdf());
        Files.writeString(in.resolve("d-2026.txt"), seedFor(2026).replace("\t\t13\t0\t0\t0\t0\t0\t13\t",
                "\t\t十三\t0\t0\t0\t0\t0\t13\t"), StandardCharsets.UTF_8);
        Import.Result result = new Import(config(tmp)).run(new Import.Request(in, Optional.empty(), Optional.empty(),
                false));
        assertEquals(List.of("in/a-2025.txt", "in/b-shanghai.html", "in/c-scan.pdf", "in/d-2026.txt"),
                result.outcomes().stream().map(Import.Outcome::file).toList());
        assertEquals(List.of(true, false, false, false),
                result.outcomes().stream().map(Import.Outcome::imported).toList());
        assertTrue(result.failed());
        Path reports = tmp.resolve("src/govsite/reports");
        assertTrue(Files.isRegularFile(reports.resolve("shanzhou-zfb/2025/report.yaml")));
        assertFalse(Files.exists(reports.resolve("shanzhou-zfb/2026")), "the file with 十三 left nothing");
        assertEquals("import.noAgencyId", result.outcomes().get(1).findings().get(0).content().key());
        assertTrue(result.outcomes().get(2).findings().stream().anyMatch(f -> f.content().key().equals("import.scanned")));
        assertTrue(result.outcomes().get(3).findings().stream()
                .anyMatch(f -> f.content().key().equals("import.notNumber")));
        assertEquals(List.of(), staging(reports));
        try (Stream<Path> agencies = Files.list(reports)) {
            assertEquals(List.of("dayingzhen", "shanzhou-fgw", "shanzhou-jyj", "shanzhou-zfb"),
                    agencies.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(2025, Integer.parseInt(result.outcomes().get(0).year()));
        assertEquals(200, result.outcomes().get(0).cells(), "every cell of the 2021 format");
    }

    @Test
    void aBadAgencyIdOrAMissingInputIsRefused(@TempDir Path tmp) {
        TestSites.copySample(tmp);
        assertThrows(IllegalArgumentException.class, () -> new Import(config(tmp)).run(new Import.Request(SEED,
                Optional.of("../x"), Optional.empty(), false)));
        assertThrows(IllegalArgumentException.class, () -> new Import(config(tmp)).run(new Import.Request(
                tmp.resolve("nothing.txt"), Optional.empty(), Optional.empty(), false)));
    }

    /**
     * The seed imported over the sample site's own 2024 report passes the real check: every equation, R5 against 2023
     * and R8 against the narrative, with no finding at all.
     */
    @Test
    void theImportedSeedPassesTheRealCheck(@TempDir Path tmp) throws IOException {
        TestSites.copySample(tmp);
        Import.Result result = new Import(config(tmp)).run(new Import.Request(SEED, Optional.empty(), Optional.empty(),
                true));
        assertTrue(result.outcomes().get(0).imported(), result.outcomes().get(0).findings().toString());
        List<org.govsite.diagnostics.Finding> onImported = result.check().findings().stream()
                .filter(f -> f.file().contains("reports/shanzhou-zfb/2024/") || f.file().contains("shanzhou-zfb/2025"))
                .toList();
        assertEquals(List.of(), onImported);
        assertTrue(result.check().reports() >= 10);
    }

    /**
     * A real report with blanks, imported, loads as a published record: no errors, and the narrative's three real
     * disagreements (258 vs 275, 265 vs 337, 均获维持 against the pending cases) are its R8 warnings.
     */
    @Test
    void anImportedReportWithBlanksLoadsAsAPublishedRecord(@TempDir Path tmp) throws IOException {
        TestSites.copySample(tmp);
        Import.Result result = new Import(config(tmp)).run(new Import.Request(SHANGHAI, Optional.of("shanghai-szfbgt"),
                Optional.empty(), false));
        assertTrue(result.outcomes().get(0).imported());
        assertEquals(List.of(), result.check().findings().stream()
                .filter(f -> f.file().contains("shanghai-szfbgt"))
                .filter(f -> f.severity() == org.govsite.diagnostics.Severity.ERROR).toList(),
                "a published record's findings are warnings, never errors");
        assertEquals(3, result.check().findings().stream()
                .filter(f -> f.file().contains("shanghai-szfbgt") && f.rule().code().equals("R8"))
                .filter(f -> f.severity() == org.govsite.diagnostics.Severity.WARNING).count(),
                result.check().findings().toString());
    }

    static byte[] emptyPdf() throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }
}

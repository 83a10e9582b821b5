package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.diagnostics.FailOn;
import org.govsite.load.Utf8Paths;
import org.govsite.output.write.MemorySink;
import org.govsite.output.write.SiteWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Incremental {@code generate}: for each report of the sample site in turn, one number changed, then generated again
 * over the previous output; the published site is byte-identical to a full build of the changed tree, only that
 * report's neighbourhood is rendered again, and the previous site's files never change under its readers (hard links
 * are replaced, not written through). Whatever the manifest cannot vouch for is a full build, and says why.
 */
class IncrementalGenerateTest {

    static BuildConfig config(Path project, Path source) {
        return BuildConfig.builder(project, source).pdf(false).outputDir(project.resolve("target/govsite"))
                .failOn(FailOn.NONE).threads(2).baseUrl("https://www.example.gov.cn/ndbg/").build();
    }

    /** A full build of the tree as it is now, in memory. */
    static Map<String, byte[]> full(Path project, Path source) throws IOException {
        MemorySink sink = new MemorySink();
        try (Pipeline p = new GovSite(config(project, source)).pipeline(sink)) {
            p.build();
        }
        return new TreeMap<>(sink.files());
    }

    /** The findings of a full build of the tree as it is now. */
    private static List<org.govsite.diagnostics.Finding> fullFindings(Path project, Path source) throws IOException {
        try (Pipeline p = new GovSite(config(project, source)).pipeline(new MemorySink())) {
            return p.build().findings();
        }
    }

    /** The published site, as files. */
    static Map<String, byte[]> published(Path project) throws IOException {
        return files(project.resolve("target/govsite").toRealPath());
    }

    /** The files of a site folder, by relative path, without govsite's marker. */
    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = Utf8Paths.relative(root, p);
                if (!rel.equals(SiteWriter.MARKER)) {
                    files.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same files");
        for (Map.Entry<String, byte[]> f : expected.entrySet()) {
            assertTrue(Arrays.equals(f.getValue(), actual.get(f.getKey())), what + ": " + f.getKey());
        }
    }

    @Test
    void eachChangedReportGivesWhatAFullBuildGives(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        BuildResult first = new GovSite(config(tmp, source)).generate();
        assertTrue(first.note().startsWith("full build (no manifest"), first.note());
        Map<String, byte[]> original = published(tmp);
        assertSame(full(tmp, source), original, "the first generate");

        // a reader of the live site holds one of its files: it must never change under them
        Path liveIndex = tmp.resolve("target/govsite").toRealPath().resolve("index.html");
        Path held = tmp.resolve("held-index.html");
        Files.createLink(held, liveIndex);
        byte[] heldBytes = Files.readAllBytes(held);

        BuildResult again = new GovSite(config(tmp, source)).generate();
        assertEquals(first.findings(), again.findings(), "the findings replayed");
        assertTrue(!again.findings().isEmpty(), "the sample has findings to replay");
        assertTrue(again.note().startsWith("incremental build: 0 report(s) rendered again, 16 kept, 16 not loaded; "),
                again.note());
        assertSame(original, published(tmp), "nothing changed");

        List<Path> folders = new ArrayList<>();
        try (Stream<Path> s = Files.list(source.resolve("reports"))) {
            for (Path agency : s.sorted().toList()) {
                try (Stream<Path> years = Files.list(agency)) {
                    years.filter(Files::isDirectory).sorted().forEach(folders::add);
                }
            }
        }
        assertEquals(16, folders.size());
        Map<Path, byte[]> originals = new TreeMap<>();
        for (Path folder : folders) { // one more report changed each time, then all restored at once
            String name = source.relativize(folder).toString();
            for (String f : List.of("report.yaml", "report.md")) {
                originals.put(folder.resolve(f), Files.readAllBytes(folder.resolve(f)));
            }
            RebuildTest.changeOneNumber(folder);

            BuildResult changed = new GovSite(config(tmp, source)).generate();
            assertTrue(changed.note().startsWith("incremental build: "), name + ": " + changed.note());
            assertTrue(changed.note().contains(" search (in place: "), name + ": " + changed.note());
            assertSame(full(tmp, source), published(tmp), name + " changed");
            // the reports not loaded again replay their findings: the same as a full build's
            assertEquals(fullFindings(tmp, source), changed.findings(), name + " changed: the findings");
        }
        for (Map.Entry<Path, byte[]> f : originals.entrySet()) {
            Files.write(f.getKey(), f.getValue());
        }
        new GovSite(config(tmp, source)).generate();
        assertSame(original, published(tmp), "every report restored");
        assertArrayEquals(heldBytes, Files.readAllBytes(held), "a file of an earlier site never changes");
    }

    @Test
    void agenciesAreTakenAsReadOnlyWhileTheirFilesAreUnchanged(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        new GovSite(config(tmp, source)).generate();
        BuildResult again = new GovSite(config(tmp, source)).generate();
        assertTrue(again.note().contains("agencies ") && again.note().contains(" [4 known]"), again.note());

        Path agency = source.resolve("reports/shanzhou-zfb/agency.yaml");
        Files.writeString(agency, Files.readString(agency, StandardCharsets.UTF_8)
                .replace("三门峡市陕州区人民政府办公室", "三门峡市陕州区人民政府办公室（更名）"), StandardCharsets.UTF_8);
        BuildResult renamed = new GovSite(config(tmp, source)).generate();
        assertTrue(renamed.note().startsWith("full build (the plugin, a parameter, site.yaml, an agency.yaml"),
                renamed.note());
        assertTrue(!renamed.note().contains(" known]"), renamed.note());
        assertSame(full(tmp, source), published(tmp), "after an agency.yaml changed");
        assertTrue(new String(published(tmp).get("index.html"), StandardCharsets.UTF_8).contains("（更名）"));

        // a change to a report next: the agency is taken from what the last build read, with its new name
        RebuildTest.changeOneNumber(source.resolve("reports/shanzhou-zfb/2024"));
        BuildResult changed = new GovSite(config(tmp, source)).generate();
        assertTrue(changed.note().startsWith("incremental build: ") && changed.note().contains(" [4 known]"),
                changed.note());
        assertSame(full(tmp, source), published(tmp), "a report changed after the agency was renamed");
    }

    @Test
    void whatTheManifestCannotVouchForIsAFullBuildAndSaysWhy(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        new GovSite(config(tmp, source)).generate();
        Path manifest = tmp.resolve("target/.govsite.sites").resolve(Incremental.FILE);
        assertTrue(Files.isRegularFile(manifest));

        Files.writeString(manifest, "govsite-manifest 1\nglobal\tx\n", StandardCharsets.UTF_8);
        BuildResult corrupt = new GovSite(config(tmp, source)).generate();
        assertTrue(corrupt.note().startsWith("full build (the manifest is corrupt): 16 report(s) rendered; "),
                corrupt.note());

        Files.delete(manifest);
        BuildResult missing = new GovSite(config(tmp, source)).generate();
        assertTrue(missing.note().startsWith("full build (no manifest"), missing.note());

        Files.createDirectories(source.resolve("theme/assets"));
        Files.writeString(source.resolve("theme/assets/portal.css"), "body { margin: 0; }\n", StandardCharsets.UTF_8);
        BuildResult theme = new GovSite(config(tmp, source)).generate();
        assertTrue(theme.note().startsWith("full build (the plugin, a parameter, site.yaml"), theme.note());
        assertSame(full(tmp, source), published(tmp), "after a theme change");

        BuildConfig other = config(tmp, source).toBuilder().baseUrl("https://other.example.gov.cn/").build();
        BuildResult parameter = new GovSite(other).generate();
        assertTrue(parameter.note().startsWith("full build (the plugin, a parameter"), parameter.note());
        BuildResult trusted = new GovSite(other).generate();
        assertTrue(trusted.note().startsWith("incremental build: 0 report(s)"), trusted.note());

        // PDFs turned on: a full build that makes them; the next build keeps them as they are
        BuildConfig withPdf = other.toBuilder().pdf(true).build();
        BuildResult pdfOn = new GovSite(withPdf).generate();
        assertTrue(pdfOn.note().startsWith("full build (the plugin, a parameter"), pdfOn.note());
        Path seedPdf = tmp.resolve("target/govsite/agencies/shanzhou-zfb/2024.pdf");
        byte[] pdf = Files.readAllBytes(seedPdf);
        BuildResult keptPdf = new GovSite(withPdf).generate();
        assertTrue(keptPdf.note().startsWith("incremental build: 0 report(s)"), keptPdf.note());
        assertArrayEquals(pdf, Files.readAllBytes(seedPdf), "the kept PDF");
    }
}

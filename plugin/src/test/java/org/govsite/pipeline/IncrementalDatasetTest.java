package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.diagnostics.FailOn;
import org.govsite.output.Paths;
import org.govsite.output.write.MemorySink;
import org.govsite.output.write.SiteSelfCheckException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dataset of an incremental {@code generate} is made from the previous one by ranges: the blocks of unchanged
 * reports are copied, only changed reports are read from their CSV; the file is byte-identical to a full build's.
 * Whatever the recorded blocks cannot vouch for (no record, a corrupt one, one that describes another file) makes the
 * whole dataset, and the note says why.
 */
class IncrementalDatasetTest {

    private static BuildConfig config(Path project, Path source) {
        return BuildConfig.builder(project, source).pdf(false).outputDir(project.resolve("target/govsite"))
                .failOn(FailOn.NONE).threads(2).baseUrl("https://www.example.gov.cn/ndbg/").build();
    }

    /** The dataset of a full build of the tree as it is now, in memory. */
    private static byte[] fullDataset(Path project, Path source) throws IOException {
        MemorySink sink = new MemorySink();
        try (Pipeline p = new GovSite(config(project, source)).pipeline(sink)) {
            p.build();
        }
        return sink.get(Paths.DATASET);
    }

    private static byte[] published(Path project) throws IOException {
        return Files.readAllBytes(project.resolve("target/govsite").resolve(Paths.DATASET));
    }

    private static Path blocks(Path project) {
        return project.resolve("target/.govsite.sites").resolve(Pipeline.DATASET_BLOCKS);
    }

    private static Path folder(Path source, String agency, int year) {
        return source.resolve("reports").resolve(agency).resolve(String.valueOf(year));
    }

    @Test
    void unchangedReportsAreCopiedByRangesAndTheFileIsAFullBuilds(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        BuildResult first = new GovSite(config(tmp, source)).generate();
        assertTrue(first.note().contains("[whole: no previous dataset]"), first.note());
        assertTrue(Files.isRegularFile(blocks(tmp)), "the blocks are recorded");
        assertArrayEquals(fullDataset(tmp, source), published(tmp));

        BuildResult same = new GovSite(config(tmp, source)).generate();
        assertTrue(same.note().contains("[kept: "), same.note());
        assertArrayEquals(fullDataset(tmp, source), published(tmp));

        // a number in one report's tables: only its block is made again, twice in a row
        fees(source, 5);
        BuildResult changed = new GovSite(config(tmp, source)).generate();
        assertTrue(changed.note().matches(".*\\[[0-9]+ blocks copied, 1 written].*"), changed.note());
        assertArrayEquals(fullDataset(tmp, source), published(tmp), "one report changed");
        fees(source, 6);
        BuildResult again = new GovSite(config(tmp, source)).generate();
        assertTrue(again.note().matches(".*\\[[0-9]+ blocks copied, 1 written].*"), again.note());
        assertArrayEquals(fullDataset(tmp, source), published(tmp), "the same report changed again");

        // only the narrative: the report's block is made again, has the same bytes, and the file is kept
        Path md = folder(source, "shanzhou-fgw", 2023).resolve("report.md");
        Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8) + "\n补充说明。\n", StandardCharsets.UTF_8);
        BuildResult narrative = new GovSite(config(tmp, source)).generate();
        assertTrue(narrative.note().contains("[kept: "), narrative.note());
        assertArrayEquals(fullDataset(tmp, source), published(tmp), "a narrative changed");
    }

    @Test
    void aReportRemovedOrAddedGivesAFullBuildsDataset(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        new GovSite(config(tmp, source)).generate();
        Path removed = folder(source, "shanzhou-jyj", 2023);
        Path aside = tmp.resolve("aside");
        TestSites.copyTree(removed, aside);
        deleteTree(removed);
        BuildResult without = new GovSite(config(tmp, source)).generate();
        assertTrue(without.note().startsWith("incremental build: "), without.note());
        assertTrue(without.note().matches(".*\\[[0-9]+ blocks copied, [0-9]+ written].*"), without.note());
        assertArrayEquals(fullDataset(tmp, source), published(tmp), "a report removed");

        TestSites.copyTree(aside, removed);
        BuildResult with = new GovSite(config(tmp, source)).generate();
        assertTrue(with.note().startsWith("incremental build: "), with.note());
        assertArrayEquals(fullDataset(tmp, source), published(tmp), "the report back");
    }

    @Test
    void blocksThatCannotBeTrustedMakeTheWholeDataset(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        new GovSite(config(tmp, source)).generate();
        byte[] firstBlocks = Files.readAllBytes(blocks(tmp));

        Files.writeString(blocks(tmp), "govsite-dataset-blocks 1\nnot binary", StandardCharsets.UTF_8);
        fees(source, 5);
        BuildResult corrupt = new GovSite(config(tmp, source)).generate();
        assertTrue(corrupt.note().contains("[whole: its blocks are not recorded]"), corrupt.note());
        assertArrayEquals(fullDataset(tmp, source), published(tmp), "after a corrupt record");

        // the record of the first build's dataset, which the last build replaced with a new file
        Files.write(blocks(tmp), firstBlocks);
        fees(source, 6);
        BuildResult other = new GovSite(config(tmp, source)).generate();
        assertTrue(other.note().contains("[whole: its blocks describe another file]"), other.note());
        assertArrayEquals(fullDataset(tmp, source), published(tmp), "after a record of another file");

        Files.delete(blocks(tmp));
        fees(source, 7);
        BuildResult none = new GovSite(config(tmp, source)).generate();
        assertTrue(none.note().contains("[whole: its blocks are not recorded]"), none.note());
        assertArrayEquals(fullDataset(tmp, source), published(tmp), "without a record");
        assertTrue(Files.isRegularFile(blocks(tmp)), "recorded again");
    }

    @Test
    void aFailedBuildKeepsTheRecordOfThePublishedDataset(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        new GovSite(config(tmp, source)).generate();
        byte[] before = Files.readAllBytes(blocks(tmp));
        // a theme link that no source explains: the build fails in its self-check, after the dataset is written
        Path templates = Files.createDirectories(source.resolve("theme/templates"));
        Files.writeString(templates.resolve("opendata-link.html"), "<section xmlns:th=\"http://www.thymeleaf.org\" "
                + "th:fragment=\"link\"><a th:href=\"${'no' + 'where.html'}\">x</a></section>\n",
                StandardCharsets.UTF_8);
        assertThrows(SiteSelfCheckException.class, () -> new GovSite(config(tmp, source)).generate());
        assertArrayEquals(before, Files.readAllBytes(blocks(tmp)), "the record of the published dataset");
        assertFalse(Files.exists(blocks(tmp).resolveSibling(Pipeline.DATASET_BLOCKS_NEXT)), "nothing left beside");

        deleteTree(source.resolve("theme"));
        fees(source, 5);
        BuildResult next = new GovSite(config(tmp, source)).generate();
        assertTrue(next.note().matches(".*\\[[0-9]+ blocks copied, 1 written].*"), next.note());
        assertArrayEquals(fullDataset(tmp, source), published(tmp));
    }

    /** Sets the fees of 2024's report of the county government: a value in the dataset that no sum involves. */
    private static void fees(Path source, int amount) throws IOException {
        Path yaml = folder(source, "shanzhou-zfb", 2024).resolve("report.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        String changed = text.replaceFirst("fees: \\{amount: [0-9]+}", "fees: {amount: " + amount + "}");
        assertFalse(changed.equals(text), "the fees in " + yaml);
        Files.writeString(yaml, changed, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

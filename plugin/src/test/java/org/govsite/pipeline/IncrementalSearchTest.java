package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.diagnostics.FailOn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.govsite.pipeline.IncrementalGenerateTest.assertSame;
import static org.govsite.pipeline.IncrementalGenerateTest.config;
import static org.govsite.pipeline.IncrementalGenerateTest.full;
import static org.govsite.pipeline.IncrementalGenerateTest.published;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index of an incremental generate is patched in place (the note says {@code search (in place: …)}) and is
 * then byte-identical to a full build's: when a report is withdrawn (its number stays, empty) and published again,
 * after a failed build, two builds in a row, and when every number moves. What cannot be trusted (no state, a state of another site, a
 * report folder added) writes it whole and says why.
 */
class IncrementalSearchTest {
    private static final String REPORT = "reports/shanzhou-zfb/2024";

    private static BuildResult generate(Path tmp, Path source) throws IOException {
        return new GovSite(config(tmp, source)).generate();
    }

    @Test
    void aReportWithdrawnAndPublishedAgainIsPatchedInPlace(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        BuildResult first = generate(tmp, source);
        assertTrue(first.note().contains(" search (whole: no state of the previous index) "), first.note());
        Map<String, byte[]> original = published(tmp);

        Path yaml = source.resolve(REPORT).resolve("report.yaml");
        byte[] before = Files.readAllBytes(yaml);
        Files.writeString(yaml, "{ not: [ yaml", StandardCharsets.UTF_8); // cannot be loaded: not published
        BuildResult withdrawn = generate(tmp, source);
        assertTrue(withdrawn.note().contains(" search (in place: 1 report(s), "), withdrawn.note());
        Map<String, byte[]> site = published(tmp);
        assertSame(full(tmp, source), site, "withdrawn");
        assertFalse(site.equals(original));

        Files.write(yaml, before);
        BuildResult back = generate(tmp, source);
        assertTrue(back.note().contains(" search (in place: 1 report(s), "), back.note());
        assertSame(original, published(tmp), "published again");

        BuildResult same = generate(tmp, source);
        assertTrue(same.note().contains(" search (in place: 0 report(s), 0 of "), same.note());
        assertSame(original, published(tmp), "nothing changed");
    }

    @Test
    void aBuildAfterAFailedOnePatchesTheIndexTheLastGoodBuildLeft(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        BuildConfig failOnError = config(tmp, source).toBuilder().failOn(FailOn.ERROR).build();
        assertFalse(new GovSite(failOnError).generate().failed());
        Map<String, byte[]> original = published(tmp);
        Path yaml = source.resolve(REPORT).resolve("report.yaml");
        byte[] before = Files.readAllBytes(yaml);

        Files.writeString(yaml, "{ not: [ yaml", StandardCharsets.UTF_8);
        BuildResult failed = new GovSite(failOnError).generate();
        assertTrue(failed.failed());
        assertSame(original, published(tmp), "a failed build changes nothing");

        Files.write(yaml, before);
        Path md = source.resolve(REPORT).resolve("report.md");
        Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8) + "\n本报告另附检索测试说明。\n",
                StandardCharsets.UTF_8);
        BuildResult next = new GovSite(failOnError).generate();
        assertFalse(next.failed(), next.findings().toString());
        assertTrue(next.note().contains(" search (in place: 1 report(s), "), next.note());
        Map<String, byte[]> site = published(tmp);
        assertSame(full(tmp, source), site, "after a failed build");

        BuildResult second = new GovSite(failOnError).generate();
        assertTrue(second.note().contains(" search (in place: 0 report(s), "), second.note());
        assertSame(site, published(tmp), "a second build in a row");
    }

    @Test
    void withoutATrustedStateTheIndexIsWrittenWholeAndSaysWhy(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        generate(tmp, source);
        Path state = tmp.resolve("target/.govsite.sites").resolve(Pipeline.SEARCH_STATE);
        assertTrue(Files.isRegularFile(state));

        Files.write(state, new byte[] {1, 2, 3});
        BuildResult corrupt = generate(tmp, source);
        assertTrue(corrupt.note().startsWith("incremental build: "), corrupt.note());
        assertTrue(corrupt.note().contains(" search (whole: no state of the previous index) "), corrupt.note());
        assertSame(full(tmp, source), published(tmp), "written whole");

        // a report folder of an earlier year than any moves every number by one: every report changes
        Path added = source.resolve("reports/dayingzhen/2017");
        Files.createDirectories(added);
        for (String f : new String[] {"report.yaml", "report.md"}) {
            Files.copy(source.resolve("reports/dayingzhen/2022").resolve(f), added.resolve(f));
        }
        BuildResult renumbered = generate(tmp, source);
        assertTrue(renumbered.note().startsWith("incremental build: "), renumbered.note());
        assertSame(full(tmp, source), published(tmp), "renumbered");
        assertTrue(renumbered.note().contains(" search (in place: 1"), renumbered.note());
    }
}

package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code govsite:check} after a {@code generate}: the reports whose folders did not change are not loaded, their
 * stored findings are replayed, and the findings are exactly those of a full check, after any change. Whatever the
 * stored results cannot vouch for is a full check, and the note says why. The check writes nothing beside the site.
 */
class CheckFromStoredTest {
    private static final String BASE_URL = "https://www.example.gov.cn/ndbg/";

    private static BuildConfig generateConfig(Path project, Path source) {
        return BuildConfig.builder(project, source).pdf(false).outputDir(out(project)).failOn(FailOn.NONE)
                .threads(2).baseUrl(BASE_URL).build();
    }

    private static BuildConfig checkConfig(Path project, Path source) {
        return BuildConfig.builder(project, source).failOn(FailOn.NONE).baseUrl(BASE_URL).build();
    }

    private static Path out(Path project) {
        return project.resolve("target/govsite");
    }

    private static List<Finding> fullCheck(Path project, Path source) throws IOException {
        BuildResult r = new GovSite(checkConfig(project, source)).check();
        return r.findings();
    }

    /** The files beside the site, with their sizes and times: a check must leave them as they are. */
    private static List<String> home(Path project) throws IOException {
        try (Stream<Path> s = Files.list(project.resolve("target/.govsite.sites"))) {
            return s.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return p.getFileName() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void unchangedReportsReplayTheirFindingsAndTheResultIsAFullChecks(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        BuildResult before = new GovSite(checkConfig(tmp, source)).check(out(tmp));
        assertEquals("full check (no previous generate)", before.note());
        assertEquals(fullCheck(tmp, source), before.findings());

        new GovSite(generateConfig(tmp, source)).generate();
        List<String> beside = home(tmp);
        BuildResult replayed = new GovSite(checkConfig(tmp, source)).check(out(tmp));
        assertEquals("checked from the last generate's results: 16 report(s) not loaded", replayed.note());
        assertFalse(replayed.findings().isEmpty(), "the sample has findings to replay");
        assertEquals(fullCheck(tmp, source), replayed.findings());
        assertEquals(beside, home(tmp), "a check writes nothing beside the site");

        // a number changed that breaks a sum: that report and the next year of its agency are checked again
        Path folder = source.resolve("reports/shanzhou-zfb/2023");
        RebuildTest.changeOneNumber(folder);
        BuildResult changed = new GovSite(checkConfig(tmp, source)).check(out(tmp));
        assertEquals("checked from the last generate's results: 14 report(s) not loaded", changed.note());
        List<Finding> full = fullCheck(tmp, source);
        assertEquals(full, changed.findings());
        assertTrue(full.stream().anyMatch(f -> f.file().contains("shanzhou-zfb/2023")), full.toString());

        // the same change, generated: the next check replays it too
        new GovSite(generateConfig(tmp, source)).generate();
        BuildResult after = new GovSite(checkConfig(tmp, source)).check(out(tmp));
        assertEquals("checked from the last generate's results: 16 report(s) not loaded", after.note());
        assertEquals(fullCheck(tmp, source), after.findings());
    }

    @Test
    void whatTheStoredResultsCannotVouchForIsAFullCheck(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        new GovSite(generateConfig(tmp, source)).generate();

        BuildConfig noBaseUrl = BuildConfig.builder(tmp, source).failOn(FailOn.NONE).build();
        BuildResult other = new GovSite(noBaseUrl).check(out(tmp));
        assertTrue(other.note().startsWith("full check (the plugin, a parameter"), other.note());
        assertEquals(new GovSite(noBaseUrl).check().findings(), other.findings());

        Path agency = source.resolve("reports/shanzhou-fgw/agency.yaml");
        String text = Files.readString(agency, StandardCharsets.UTF_8);
        Files.writeString(agency, text + "\n", StandardCharsets.UTF_8);
        BuildResult agencyChanged = new GovSite(checkConfig(tmp, source)).check(out(tmp));
        assertTrue(agencyChanged.note().startsWith("full check (the plugin, a parameter, site.yaml, an agency.yaml"),
                agencyChanged.note());
        assertEquals(fullCheck(tmp, source), agencyChanged.findings());
        Files.writeString(agency, text, StandardCharsets.UTF_8);

        // a report folder that appears changes what a link reaches
        Path added = source.resolve("reports/dayingzhen/2021");
        TestSites.copyTree(source.resolve("reports/dayingzhen/2022"), added);
        Path yaml = added.resolve("report.yaml");
        Files.writeString(yaml, Files.readString(yaml, StandardCharsets.UTF_8).replace("year: 2022", "year: 2021"),
                StandardCharsets.UTF_8);
        BuildResult appeared = new GovSite(checkConfig(tmp, source)).check(out(tmp));
        assertEquals("full check (a report folder appeared or vanished since the last generate)", appeared.note());
        assertEquals(fullCheck(tmp, source), appeared.findings());

        Files.delete(tmp.resolve("target/.govsite.sites").resolve(StoredReports.FILE));
        BuildResult none = new GovSite(checkConfig(tmp, source)).check(out(tmp));
        assertEquals("full check (no stored results of a generate)", none.note());
        assertEquals(fullCheck(tmp, source), none.findings());
    }
}

package org.govsite.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;
import org.govsite.diagnostics.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machine-readable findings: JSON and SARIF 2.1.0, written on failure too, identical for identical input. */
class FindingsFilesTest {
    @Test
    void sarifListsEveryFindingWithItsLocation(@TempDir Path tmp) throws IOException {
        Path dir = Fixtures.invalid().resolve("y3-misspelt-row-key");
        Path json = tmp.resolve("target/govsite-findings.json");
        Path sarif = tmp.resolve("target/govsite-findings.sarif");
        BuildResult result = new GovSite(BuildConfig.builder(dir, dir).findingsFile(json).sarifFile(sarif).build()).check();
        assertTrue(result.failed());

        JsonNode root = new ObjectMapper().readTree(sarif.toFile());
        assertEquals("2.1.0", root.get("version").asText());
        JsonNode run = root.get("runs").get(0);
        assertEquals("govsite", run.at("/tool/driver/name").asText());
        JsonNode results = run.get("results");
        assertEquals(result.findings().size(), results.size());
        JsonNode y3 = null;
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals("Y3")) {
                y3 = r;
            }
        }
        assertEquals("error", y3.get("level").asText());
        assertEquals("reports/a/2024/report.yaml",
                y3.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(19, y3.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(5, y3.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertEquals("Y3", run.at("/tool/driver/rules").get(y3.get("ruleIndex").asInt()).get("id").asText());
        assertTrue(y3.at("/message/text").asText().contains("carried_over"));

        JsonNode findings = new ObjectMapper().readTree(json.toFile()).get("findings");
        assertEquals(result.findings().size(), findings.size());

        byte[] first = Files.readAllBytes(sarif);
        new GovSite(BuildConfig.builder(dir, dir).findingsFile(json).sarifFile(sarif).build()).check();
        assertArrayEquals(first, Files.readAllBytes(sarif), "identical input, identical SARIF");
    }

    @Test
    void sarifOmitsTheRegionOfAWholeFileFindingAndMarksWarnings(@TempDir Path tmp) throws IOException {
        Path sarif = tmp.resolve("out.sarif");
        Path dir = Fixtures.invalid().resolve("m1-missing-markdown");
        new GovSite(BuildConfig.builder(dir, dir).sarifFile(sarif).locale(Language.ENGLISH).build()).check();
        JsonNode r = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results/0");
        assertTrue(r.at("/locations/0/physicalLocation/region").isMissingNode());
        assertEquals("the file report.md is missing", r.at("/message/text").asText());

        Path warn = Fixtures.invalid().resolve("r6-in-force-does-not-add-up");
        BuildResult result = new GovSite(BuildConfig.builder(warn, warn).sarifFile(sarif).build()).check();
        assertFalse(result.failed());
        assertEquals("warning", new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results/0/level").asText());
    }
}

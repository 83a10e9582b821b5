package org.govsite.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.govsite.TestSites;
import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.format.FormatDefinitionException;
import org.govsite.format.FormatReader;
import org.govsite.load.Markdown;
import org.govsite.load.SiteLoader;
import org.govsite.output.render.NarrativeRenderer;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Jazzer over the three readers of untrusted text (issue 13): the YAML loader (report.yaml through the whole check),
 * the Markdown narrative (report.md through the check and the renderer) and the format reader (a portal's own
 * format file). The property: every input ends in findings or, for a format file, a
 * {@link FormatDefinitionException}, never another exception, and every finding is located in the file it is about.
 *
 * <p>In a plain {@code mvn test} the fuzz tests run in regression mode, on the inputs kept under
 * {@code src/test/resources/org/govsite/fuzz/InputFuzzTestInputs/}. To fuzz (one test per run):
 * <pre>JAZZER_FUZZ=1 mvn -pl plugin test -Dtest='InputFuzzTest#anyInput' -Djazzer.max_duration=10m</pre>
 */
class InputFuzzTest {
    private static Path project;
    private static Path source;

    @BeforeAll
    static void baseline() throws IOException {
        project = Files.createTempDirectory("govsite-fuzz");
        source = project.resolve("src/govsite");
        TestSites.copyTree(TestSites.pluginDir().resolve("src/test/resources/valid/baseline"), source);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var s = Files.walk(project)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static BuildResult checkWith(String relative, byte[] content) throws IOException {
        Path file = source.resolve(relative);
        byte[] original = Files.readAllBytes(file);
        Files.write(file, content);
        try {
            return new GovSite(new BuildConfig(project, source, null, null, FailOn.ERROR, Language.CHINESE)).check();
        } finally {
            Files.write(file, original);
        }
    }

    private static void located(BuildResult r) {
        for (Finding f : r.findings()) {
            if (f.file().isEmpty() || f.line() < 0 || f.column() < 0 || f.message().isBlank()) {
                throw new AssertionError("a finding without its place: " + f);
            }
        }
    }

    /** report.yaml: any bytes. */
    @FuzzTest(maxDuration = "30s")
    void reportYaml(byte[] yaml) throws IOException {
        located(checkWith("reports/a/2024/report.yaml", yaml));
    }

    /** report.md: any text, through the check and, when it is accepted, the renderer. */
    @FuzzTest(maxDuration = "30s")
    void narrative(FuzzedDataProvider data) throws IOException {
        String md = data.consumeRemainingAsString();
        located(checkWith("reports/a/2024/report.md", md.getBytes(StandardCharsets.UTF_8)));
        if (Markdown.excess(md).isEmpty()) {
            new NarrativeRenderer().render(SiteLoader.narrative(md));
        }
    }

    /** A portal's own format definition: refused with a FormatDefinitionException, or read. */
    @FuzzTest(maxDuration = "30s")
    void formatDefinition(FuzzedDataProvider data) {
        try {
            FormatReader.read(data.consumeRemainingAsString(), "formats/fuzz.yaml");
        } catch (FormatDefinitionException e) {
            // the documented refusal
        }
    }

    /** All three at once, for the long run: the first byte picks the reader. */
    @FuzzTest(maxDuration = "10m")
    void anyInput(FuzzedDataProvider data) throws IOException {
        switch (data.consumeInt(0, 2)) {
            case 0 -> reportYaml(data.consumeRemainingAsBytes());
            case 1 -> narrative(data);
            default -> formatDefinition(data);
        }
    }
}

package org.govsite.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.govsite.TestSites;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.format.FormatDefinitionException;
import org.govsite.format.FormatReader;
import org.govsite.load.Markdown;
import org.govsite.load.SiteLoader;
import org.govsite.output.render.NarrativeRenderer;
import org.govsite.check.Checker;
import org.govsite.check.LinkTargets;
import org.govsite.diagnostics.Messages;
import org.govsite.format.FormatCatalog;
import org.govsite.load.AgencySource;
import org.govsite.load.LoadedReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Jazzer over the three readers of untrusted text (issue 13): the YAML loader (report.yaml through the whole check),
 * the Markdown narrative (report.md through the check and the renderer) and the format reader (a portal's own
 * format file). The property: every input ends in findings or, for a format file, a
 * {@link FormatDefinitionException}, never another exception, and every finding is located in the file it is about.
 *
 * <p>In a plain {@code mvn test} the fuzz tests run in regression mode, on the inputs kept under
 * {@code src/test/resources/org/govsite/fuzz/InputFuzzTestInputs/}. To fuzz (one test per run):
 * <pre>JAZZER_FUZZ=1 mvn -pl plugin test -Dtest='InputFuzzTest#anyInput' -Djazzer.max_duration=10m
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>Tagged {@code fuzz}: surefire runs this class in a JVM of its own (the {@code fuzz-regression} execution of
 * plugin/pom.xml), because Jazzer's agent, installed even to replay the kept inputs, instruments with its hooks every
 * govsite class loaded after it, and so slowed every test class that ran after this one in a shared JVM.
 */
@Tag("fuzz")
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

    private static final FormatCatalog FORMATS = FormatCatalog.builtIn();
    private static final Messages MESSAGES = new Messages(Language.CHINESE);

    /**
     * The findings of loading and checking the 2024 report with {@code relative} replaced by {@code content}: the
     * same loader and checker a build runs, without the rest of the build, so that the fuzzer runs many inputs a
     * second.
     */
    private static List<Finding> checkWith(String relative, byte[] content) throws IOException {
        Path file = source.resolve(relative);
        byte[] original = Files.readAllBytes(file);
        Files.write(file, content);
        try {
            List<Finding> findings = new ArrayList<>();
            SiteLoader loader = new SiteLoader(project, source, FORMATS, findings::add);
            for (AgencySource agency : loader.agencies(loader.siteInfo())) {
                for (AgencySource.YearSource year : agency.years()) {
                    if (year.year() != 2024) {
                        continue;
                    }
                    Optional<LoadedReport> loaded = loader.load(agency.agency(), year);
                    if (loaded.isPresent()) {
                        findings.addAll(new Checker().check(loaded.get(), List.of(), null,
                                (report, attachments, link) -> LinkTargets.Target.of(LinkTargets.Kind.EXTERNAL))
                                .allFindings());
                    }
                }
            }
            return findings;
        } finally {
            Files.write(file, original);
        }
    }

    private static void located(List<Finding> findings) {
        for (Finding f : findings) {
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

    /** report.md: any bytes, through the check and, when it is accepted, the renderer. */
    @FuzzTest(maxDuration = "30s")
    void narrative(byte[] bytes) throws IOException {
        located(checkWith("reports/a/2024/report.md", bytes));
        String md = new String(bytes, StandardCharsets.UTF_8);
        if (Markdown.excess(md).isEmpty()) {
            new NarrativeRenderer().render(SiteLoader.narrative(md));
        }
    }

    /** A portal's own format definition: refused with a FormatDefinitionException, or read. */
    @FuzzTest(maxDuration = "30s")
    void formatDefinition(byte[] bytes) {
        try {
            FormatReader.read(new String(bytes, StandardCharsets.UTF_8), "formats/fuzz.yaml");
        } catch (FormatDefinitionException e) {
            // the documented refusal
        }
    }

    /** All three at once, for the long run: the last byte picks the reader (0 YAML, 1 Markdown, 2 format). */
    @FuzzTest(maxDuration = "10m")
    void anyInput(FuzzedDataProvider data) throws IOException {
        int reader = data.consumeInt(0, 2);
        byte[] bytes = data.consumeRemainingAsBytes();
        switch (reader) {
            case 0 -> reportYaml(bytes);
            case 1 -> narrative(bytes);
            default -> formatDefinition(bytes);
        }
    }
}

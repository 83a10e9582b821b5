package org.govsite.safety;

import org.govsite.TestSites;
import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A project made from the valid baseline (one agency, 2023 and 2024), to attack: {@code project/src/govsite},
 * output {@code project/target/govsite}.
 */
final class Hostile {
    final Path project;
    final Path source;
    final Path output;

    Hostile(Path tmp) {
        this.project = tmp.resolve("project");
        this.source = project.resolve("src/govsite");
        this.output = project.resolve("target/govsite");
        TestSites.copyTree(TestSites.pluginDir().resolve("src/test/resources/valid/baseline"), source);
        write("pom.xml", "<project/>");
    }

    static final String YAML = "src/govsite/reports/a/2024/report.yaml";
    static final String MD = "src/govsite/reports/a/2024/report.md";

    Path file(String projectRelative) {
        return project.resolve(projectRelative);
    }

    void write(String projectRelative, String text) {
        try {
            Path f = file(projectRelative);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void replace(String projectRelative, String from, String to) {
        TestSites.replaceIn(file(projectRelative), from, to);
    }

    int line(String projectRelative, String text) {
        return TestSites.lineOf(file(projectRelative), text);
    }

    BuildConfig config(Path out, FailOn failOn) {
        return BuildConfig.builder(project, source).pdf(false).outputDir(out).failOn(failOn).locale(Language.CHINESE)
                .baseUrl("https://www.example.gov.cn/").build();
    }

    BuildResult check() throws IOException {
        return new GovSite(config(null, FailOn.ERROR)).check();
    }

    BuildResult generate() throws IOException {
        return generate(output, FailOn.ERROR);
    }

    BuildResult generate(Path out, FailOn failOn) throws IOException {
        return new GovSite(config(out, failOn)).generate();
    }

    /** {@code CODE file line}, sorted, as the corpus's expected.txt lists findings. */
    static List<String> keys(BuildResult r) {
        return r.findings().stream().map(f -> f.rule().code() + " " + f.file() + " " + f.line()).sorted().toList();
    }

    static List<String> keys(BuildResult r, String rule) {
        return r.findings().stream().filter(f -> f.rule().code().equals(rule))
                .map(f -> f.rule().code() + " " + f.file() + " " + f.line()).sorted().toList();
    }

    static String messages(BuildResult r) {
        return String.join("\n", r.findings().stream().map(f -> f.format(Language.CHINESE)).toList());
    }

    static Finding only(BuildResult r) {
        if (r.findings().size() != 1) {
            throw new AssertionError("expected one finding: " + messages(r));
        }
        return r.findings().get(0);
    }
}

package org.govsite.check;

import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Where the test inputs are, and how a test runs the checks on a folder. */
final class Fixtures {
    private Fixtures() {
    }

    /** The plugin module's folder (surefire sets basedir; an IDE runs in it). */
    static Path basedir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    static Path invalid() {
        return basedir().resolve("src/test/resources/invalid");
    }

    static Path valid() {
        return basedir().resolve("src/test/resources/valid");
    }

    /** The sample portal's project folder. */
    static Path sampleSite() {
        return basedir().resolve("../sample-site").normalize();
    }

    static List<Path> cases(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks a source folder that is its own project folder. */
    static BuildResult check(Path dir) throws IOException {
        return check(dir, dir, Language.CHINESE);
    }

    static BuildResult check(Path project, Path source, Locale language) throws IOException {
        return new GovSite(BuildConfig.builder(project, source).locale(language).build()).check();
    }

    /** {@code CODE file line}, as expected.txt lists findings. */
    static String key(Finding f) {
        return f.rule().name() + " " + f.file() + " " + f.line();
    }

    static void copy(Path from, Path to) throws IOException {
        org.govsite.TestSites.copyTree(from, to);
    }
}

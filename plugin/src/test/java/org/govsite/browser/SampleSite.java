package org.govsite.browser;

import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The sample portal (../sample-site), generated through the core API into a folder under target/. */
final class SampleSite {
    static final Path PROJECT = Path.of("..", "sample-site");
    /** The seed report, transcribed from the real 陕州区 publication: the page a reviewer looks at. */
    static final String REPORT = "agencies/shanzhou-zfb/2024.html";
    /** A published record with blanks, "/" and a 数据核对 box (invented data, issue 9). */
    static final String PUBLISHED = "agencies/shanzhou-fgw/2020.html";

    private SampleSite() {
    }

    /** A portal's theme (templates and assets), kept as a test fixture. */
    static final Path THEME_FIXTURE = Path.of("src", "test", "resources", "theme-fixture", "theme");

    /** Generates the site into {@code target/<name>/govsite} and returns that folder. */
    static Path generate(String name) throws IOException {
        return generate(PROJECT.resolve(Path.of("src", "govsite")), Path.of("target", name));
    }

    /**
     * Generates the sample reports with the fixture theme, as a portal project holding them both would:
     * {@code target/<name>/src} gets the sample site.yaml and reports plus the fixture's theme folder.
     */
    static Path generateThemed(String name) throws IOException {
        Path work = Path.of("target", name).toAbsolutePath();
        Path source = work.resolve("src");
        Path sample = PROJECT.resolve(Path.of("src", "govsite")).toAbsolutePath();
        copyTree(sample, source);
        copyTree(THEME_FIXTURE.toAbsolutePath(), source.resolve("theme"));
        return generate(source, work);
    }

    private static Path generate(Path source, Path work) throws IOException {
        Path out = work.resolve("govsite").toAbsolutePath();
        BuildConfig config = BuildConfig.builder(PROJECT, source).outputDir(out).build();
        BuildResult result = new GovSite(config).generate();
        if (!result.published()) {
            throw new IllegalStateException("the sample site did not build: " + result.findings().stream()
                    .map(Object::toString).collect(Collectors.joining("\n")));
        }
        return out.toRealPath(); // the published output is a link to its site folder

    }

    /** Every HTML page of a generated site, sorted by path. */
    static List<Path> pages(Path output) throws IOException {
        Path site = output.toRealPath();
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".html"))
                    .sorted(Comparator.comparing(p -> site.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        org.govsite.TestSites.copyTree(from, to);
    }

    static String name(Path site, Path page) {
        try {
            return site.toRealPath().relativize(page).toString().replace('\\', '/');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

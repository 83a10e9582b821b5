package org.govsite.browser;

import org.govsite.BuildConfig;
import org.govsite.BuildResult;
import org.govsite.GovSite;
import org.govsite.model.FailOn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The sample portal (../sample-site), generated through the core API into a folder under target/. */
final class SampleSite {
    static final Path PROJECT = Path.of("..", "sample-site");
    /** The seed report, transcribed from the real 陕州区 publication: the page a reviewer looks at. */
    static final String REPORT = "agencies/shanzhou-zfb/2024.html";

    private SampleSite() {
    }

    /** Generates the site into {@code target/<name>/govsite} and returns that folder. */
    static Path generate(String name) throws IOException {
        Path out = Path.of("target", name, "govsite").toAbsolutePath();
        BuildConfig config = new BuildConfig(PROJECT, PROJECT.resolve(Path.of("src", "govsite")), out, null,
                FailOn.ERROR, Locale.SIMPLIFIED_CHINESE);
        BuildResult result = new GovSite(config).generate();
        if (!result.published()) {
            throw new IllegalStateException("the sample site did not build: " + result.findings().stream()
                    .map(Object::toString).collect(Collectors.joining("\n")));
        }
        return out;
    }

    /** Every HTML page of a generated site, sorted by path. */
    static List<Path> pages(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".html"))
                    .sorted(Comparator.comparing(p -> site.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
    }

    static String name(Path site, Path page) {
        return site.relativize(page).toString().replace('\\', '/');
    }
}

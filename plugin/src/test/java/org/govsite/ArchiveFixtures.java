package org.govsite;

import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.GovSite;

import java.io.IOException;
import java.nio.file.Path;

/** Builds of the sample site and of the archive fixtures, for the archive tests. */
public final class ArchiveFixtures {
    /** The sample site's source, as committed in the project's Git repository. */
    public static final Path SAMPLE = Path.of("../sample-site/src/govsite").toAbsolutePath().normalize();

    private ArchiveFixtures() {
    }

    /** A fixture folder under src/test/resources/archive. */
    public static Path fixture(String name) {
        return Path.of("src/test/resources/archive", name).toAbsolutePath().normalize();
    }

    /** Copies a source folder into {@code target}/src/govsite (outside any Git repository under /tmp). */
    public static Path copy(Path source, Path project) {
        Path target = project.resolve("src/govsite");
        TestSites.copyTree(source, target);
        return target;
    }

    public static BuildResult generate(Path project, Path source, Path output, String baseUrl) throws IOException {
        return new GovSite(BuildConfig.builder(project, source).pdf(false).outputDir(output).baseUrl(baseUrl).build())
                .generate();
    }
}

package org.govsite.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/** Checks every report without generating anything: for CI and pre-commit use. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractGovSiteMojo {
    /**
     * Where {@code generate} writes the site. Never written by a check: when a generate there stored its results
     * and only report folders changed since, the reports whose folders did not change are not checked again (their
     * findings are replayed, the same as a full check's).
     *
     * @since 0.1.0
     */
    @Parameter(property = PREFIX + "outputDirectory", defaultValue = "${project.build.directory}/govsite",
            required = true)
    File outputDirectory;

    /**
     * The site's public address, as {@code generate} takes it: with one, links to sitemap.xml and atom.xml reach a
     * page. A check finds what a generate with the same parameters finds.
     *
     * @since 0.1.0
     */
    @Parameter(property = PREFIX + "baseUrl")
    String baseUrl;

    @Override
    BuildConfig.Builder configure(BuildConfig.Builder config) {
        return config.baseUrl(baseUrl);
    }

    @Override
    Path outputPath() {
        return null;
    }

    @Override
    BuildResult run(BuildConfig config) throws IOException {
        return new GovSite(config).check(outputDirectory == null ? null : outputDirectory.toPath());
    }

    @Override
    String doneMessage(BuildResult result) {
        return "govsite: check passed" + (result.note().isEmpty() ? "" : " (" + result.note() + ")");
    }
}

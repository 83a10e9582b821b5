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

/**
 * Checks every report and generates the static archive. Nothing is published when a finding reaches
 * {@code failOn}: the previous output stays as it was.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, requiresProject = true)
public class GenerateMojo extends AbstractGovSiteMojo {
    /**
     * Where the site is written. Replaced as a whole, and only by a build that succeeds: it becomes a symbolic link
     * to the new site's folder in {@code .<name>.sites/} beside it, switched in one atomic step. Refused (BUILD ERROR,
     * nothing written) when it is, contains or lies inside the source folder, theme or formats, when it is or
     * contains the project folder, and when it is a file or a folder govsite did not write.
     *
     * @since 0.1.0
     */
    @Parameter(property = PREFIX + "outputDirectory", defaultValue = "${project.build.directory}/govsite",
            required = true)
    File outputDirectory;

    /**
     * The site's public address, e.g. {@code https://www.example.gov.cn/xxgk/ndbg/}. sitemap.xml, atom.xml and the
     * Sitemap line of robots.txt need absolute URLs and are made from it; without it they are left out, with a note.
     * Pages themselves always link relatively.
     *
     * @since 0.1.0
     */
    @Parameter(property = PREFIX + "baseUrl")
    String baseUrl;

    /**
     * Whether each published report gets an accessible PDF (PDF/UA-1, A4, the CJK font embedded) beside its page,
     * linked from the page with its size. {@code -Dgovsite.pdf=false} leaves the PDFs out (about a third of a
     * second of CPU time per report).
     *
     * @since 0.1.0
     */
    @Parameter(property = PREFIX + "pdf", defaultValue = "true")
    boolean pdf;

    @Override
    BuildConfig.Builder configure(BuildConfig.Builder config) {
        return config.baseUrl(baseUrl).pdf(pdf);
    }

    @Override
    Path outputPath() {
        return outputDirectory.toPath();
    }

    @Override
    BuildResult run(BuildConfig config) throws IOException {
        return new GovSite(config).generate();
    }

    @Override
    String doneMessage(BuildResult result) {
        return "govsite: " + result.files() + " files" + (result.note().isEmpty() ? "" : " (" + result.note() + ")")
                + "; open " + outputDirectory.toPath().resolve("index.html");
    }
}

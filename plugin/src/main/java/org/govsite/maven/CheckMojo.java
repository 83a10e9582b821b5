package org.govsite.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;

import java.io.IOException;
import java.nio.file.Path;

/** Checks every report without generating anything: for CI and pre-commit use. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractGovSiteMojo {
    @Override
    Path outputPath() {
        return null;
    }

    @Override
    BuildResult run(BuildConfig config) throws IOException {
        return new GovSite(config).check();
    }

    @Override
    String doneMessage(BuildResult result) {
        return "govsite: check passed";
    }
}

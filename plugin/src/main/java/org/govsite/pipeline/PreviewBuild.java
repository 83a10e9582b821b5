package org.govsite.pipeline;

import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Finding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The build behind {@code govsite:serve}: the whole site into the preview folder the first time, then only what the
 * changed files affect. Findings never stop it ({@code failOn=none}).
 */
public final class PreviewBuild {
    private final BuildConfig config;

    public PreviewBuild(Path projectDir, Path sourceDir, Path previewDir, Locale locale) {
        this.config = new BuildConfig(projectDir, sourceDir, previewDir, null, null, FailOn.NONE, locale, null);
    }

    /** Builds; {@code changed} empty means everything. */
    public List<Finding> build(Set<Path> changed) throws IOException {
        return new GovSite(config).generate().findings();
    }
}

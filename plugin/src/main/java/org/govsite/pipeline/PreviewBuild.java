package org.govsite.pipeline;

import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Finding;
import org.govsite.output.write.DirectorySink;
import org.govsite.output.write.OutputGuard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The build behind {@code govsite:serve}: a {@link Pipeline} in preview mode ({@link BuildConfig#drafts()}: reports
 * with errors are rendered too, findings never stop it) writing straight into the preview folder. The first build
 * makes everything; later ones rebuild what the changed files affect ({@link Pipeline#rebuild}). Not thread-safe.
 */
public final class PreviewBuild {
    /** The file that marks a folder as a govsite preview, which the preview may empty. */
    public static final String MARKER = ".govsite-preview";

    private final Path previewDir;
    private final BuildConfig config;
    private Pipeline pipeline;

    public PreviewBuild(Path projectDir, Path sourceDir, Path previewDir, Locale locale) {
        this.previewDir = previewDir.toAbsolutePath().normalize();
        this.config = BuildConfig.builder(projectDir, sourceDir).failOn(FailOn.NONE).locale(locale).drafts(true)
                .build();
    }

    /**
     * Builds; everything when {@code changed} is empty or on the first call.
     *
     * @throws IOException when the preview folder holds files govsite did not write, or overlaps the project, the
     *                     source folder, the theme or the formats ({@link org.govsite.output.write.OutputRefusedException})
     */
    public List<Finding> build(Set<Path> changed) throws IOException {
        if (pipeline == null || changed.isEmpty()) {
            pipeline = new GovSite(config).pipeline(new DirectorySink(prepare()));
            return pipeline.build().findings();
        }
        return pipeline.rebuild(changed).findings();
    }

    /** Empties the preview folder, if it is one (its marker file) or empty; refuses any other folder. */
    private Path prepare() throws IOException {
        // the same refusal as generate's: the preview folder is emptied, so it must never overlap an input
        OutputGuard.check(previewDir, config.projectDir(),
                new OutputGuard.Protected("source folder", config.sourceDir()),
                new OutputGuard.Protected("theme folder", config.themeDir()),
                new OutputGuard.Protected("formats folder", config.formatsDir()));
        if (Files.isDirectory(previewDir)) {
            boolean ours = Files.isRegularFile(previewDir.resolve(MARKER));
            try (Stream<Path> s = Files.list(previewDir)) {
                if (!ours && s.findAny().isPresent()) {
                    throw new IOException(previewDir + " is not a govsite preview folder (no " + MARKER
                            + "): choose another govsite.previewDirectory");
                }
            }
            try (Stream<Path> s = Files.walk(previewDir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(previewDir)) {
                        Files.delete(p);
                    }
                }
            }
        } else if (Files.exists(previewDir)) {
            throw new IOException(previewDir + " is not a folder");
        }
        Files.createDirectories(previewDir);
        Files.writeString(previewDir.resolve(MARKER), "govsite:serve preview; emptied by every start\n");
        return previewDir;
    }
}

package org.govsite.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.govsite.diagnostics.Language;
import org.govsite.pipeline.PreviewBuild;
import org.govsite.pipeline.preview.Preview;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A local preview that rebuilds what changed: builds the site once into {@code target/govsite-preview}, serves it on
 * 127.0.0.1 (never on another interface), watches {@code src/govsite} (data, narrative, attachments, theme, formats)
 * and rebuilds only what a change affects; the open page reloads by itself. Drafts with errors are shown too, with
 * their findings in a box on the page and in the terminal. Stop it with Ctrl-C.
 */
@Mojo(name = "serve", threadSafe = true, requiresProject = true)
public class ServeMojo extends AbstractMojo {
    /** The project folder. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /**
     * The folder with the reports ({@code site.yaml}, {@code reports/}, {@code theme/}, {@code formats/}).
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "sourceDirectory",
            defaultValue = "${project.basedir}/src/govsite", required = true)
    File sourceDirectory;

    /**
     * Where the preview is built. Not the published output: the preview shows drafts that a build would refuse.
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "previewDirectory",
            defaultValue = "${project.build.directory}/govsite-preview", required = true)
    File previewDirectory;

    /**
     * The port on 127.0.0.1.
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "port", defaultValue = "8080")
    int port;

    /**
     * The language of the findings printed in the terminal: {@code zh} (default) or {@code en}. Pages and the
     * preview's findings box are always Chinese.
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "language", defaultValue = "zh")
    String language;

    /**
     * Skips the goal.
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("govsite: skipped (govsite.skip)");
            return;
        }
        if (port < 0 || port > 65535) {
            throw new MojoExecutionException("govsite: invalid parameter: port " + port);
        }
        Path project = basedir.toPath().toAbsolutePath().normalize();
        Path source = sourceDirectory.toPath().toAbsolutePath().normalize();
        String shown = source.startsWith(project) ? project.relativize(source).toString().replace('\\', '/')
                : source.toString();
        PreviewBuild build = new PreviewBuild(project, source, previewDirectory.toPath(), Language.parse(language));
        try (Preview preview = new Preview(source, shown, previewDirectory.toPath(), port, build::build,
                Language.parse(language), line -> getLog().info(line))) {
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                main.interrupt();
                try {
                    preview.close();
                    main.join(30_000);
                } catch (IOException | InterruptedException e) {
                    // stopping anyway
                }
            }, "govsite-preview-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            getLog().info("govsite：预览地址 " + preview.address() + " （仅本机可访问；按 Ctrl-C 停止）");
            preview.run();
        } catch (IOException e) {
            throw new MojoExecutionException("govsite: preview failed: " + e.getMessage(), e);
        }
    }
}

package org.govsite.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.format.FormatDefinitionException;
import org.govsite.output.write.OutputRefusedException;
import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Language;
import org.govsite.output.write.SiteSelfCheckException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The parameters both goals share, and the translation of a build's outcome into Maven's language: findings at or
 * above {@code failOn} are a BUILD FAILURE, faults of the plugin, the templates or the I/O a BUILD ERROR.
 */
abstract class AbstractGovSiteMojo extends AbstractMojo {
    /** The prefix of every user property of this plugin. */
    static final String PREFIX = "govsite.";

    /** The project folder; finding paths are printed relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /**
     * The folder with the reports: {@code site.yaml}, {@code reports/<agency>/<year>/}, and optionally
     * {@code theme/} (templates and assets that replace the plugin's) and {@code formats/} (a portal's own formats).
     *
     * @since 0.1.0
     */
    @Parameter(property = PREFIX + "sourceDirectory", defaultValue = "${project.basedir}/src/govsite", required = true)
    File sourceDirectory;

    /**
     * Where the findings are written as JSON, for CI annotations. Written on success and on failure.
     *
     * @since 0.1.0
     */
    @Parameter(property = PREFIX + "findingsFile", defaultValue = "${project.build.directory}/govsite-findings.json")
    File findingsFile;

    /**
     * Where the findings are written as SARIF 2.1.0, for code-scanning tools. Written on success and on failure.
     *
     * @since 0.1.0
     */
    @Parameter(property = PREFIX + "sarifFile", defaultValue = "${project.build.directory}/govsite-findings.sarif")
    File sarifFile;

    /**
     * The severity at which findings fail the build: {@code error} (default), {@code warning}, or {@code none}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PREFIX + "failOn", defaultValue = "error")
    String failOn;

    /**
     * The language of findings: {@code zh} (default) or {@code en}. Pages are always Chinese.
     *
     * @since 0.1.0
     */
    @Parameter(property = PREFIX + "language", defaultValue = "zh")
    String language;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PREFIX + "skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("govsite: skipped (govsite.skip)");
            return;
        }
        BuildConfig config;
        try {
            config = configure(BuildConfig.builder(basedir.toPath(), sourceDirectory.toPath()).outputDir(outputPath())
                    .findingsFile(findingsFile == null ? null : findingsFile.toPath())
                    .sarifFile(sarifFile == null ? null : sarifFile.toPath()).failOn(FailOn.parse(failOn))
                    .locale(Language.parse(language))).build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("govsite: invalid parameter: " + e.getMessage(), e);
        }
        BuildResult result;
        try {
            result = run(config);
        } catch (OutputRefusedException e) {
            throw new MojoExecutionException("govsite: " + e.getMessage(), e);
        } catch (SiteSelfCheckException e) {
            throw new MojoExecutionException("govsite: the generated site failed its own link check, a fault of the "
                    + "plugin (please report it): " + e.getMessage(), e);
        } catch (FormatDefinitionException e) {
            throw new MojoExecutionException("govsite: invalid format definition " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("govsite: I/O error: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("govsite: internal error (templates or plugin): " + e.getMessage(), e);
        }
        report(result, config.locale());
    }

    /** A goal's own parameters added to the shared ones. */
    BuildConfig.Builder configure(BuildConfig.Builder config) {
        return config;
    }

    /** The output folder, or {@code null} for a goal that publishes nothing. */
    abstract Path outputPath();

    abstract BuildResult run(BuildConfig config) throws IOException;

    abstract String doneMessage(BuildResult result);

    private void report(BuildResult result, Locale locale) throws MojoFailureException {
        FindingLog.print(getLog(), result.findings(), locale);
        String summary = result.summary(locale);
        if (result.failed()) {
            String why = Language.isEnglish(locale)
                    ? "govsite: " + summary + " Nothing was published; the previous output is unchanged."
                    : "govsite：" + summary + "未发布任何页面，原有输出保持不变。";
            getLog().error(why);
            throw new MojoFailureException(why);
        }
        getLog().info(summary);
        getLog().info(doneMessage(result));
    }
}

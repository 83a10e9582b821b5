package org.govsite.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.format.FormatDefinitionException;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.Import;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Imports reports as they were published — text copied from a portal page or Word, a saved HTML page, a .docx, a PDF
 * with a text layer — into {@code reports/<agency>/<year>/report.yaml} and {@code report.md}, with
 * {@code status: published}, and {@code agency.yaml} for a new agency; then checks the site and prints the findings.
 * Given a folder, it imports each file and prints a summary table. A file that cannot be read faithfully is not
 * imported and leaves nothing behind; an existing report is never replaced without {@code govsite.overwrite}.
 */
@Mojo(name = "import", threadSafe = true, requiresProject = true)
public class ImportMojo extends AbstractMojo {
    /** The project folder; paths are printed relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /**
     * The folder with the reports ({@code site.yaml}, {@code reports/}).
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "sourceDirectory",
            defaultValue = "${project.basedir}/src/govsite", required = true)
    File sourceDirectory;

    /**
     * The report to import (.txt, .html, .docx or .pdf), or a folder: each file in it is imported.
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "input", required = true)
    File input;

    /**
     * The agency folder to import into. By default, the existing agency whose name is the one in the report's title;
     * a report of an agency the site does not have yet needs it.
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "agency")
    String agency;

    /**
     * The report year, when the report's title does not say it (it wins over the title, with a finding).
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "year")
    Integer year;

    /**
     * Whether an existing report's report.yaml and report.md may be replaced. Off by default: an existing report is
     * left as it is, with a finding.
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "overwrite", defaultValue = "false")
    boolean overwrite;

    /**
     * The language of findings: {@code zh} (default) or {@code en}.
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
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("govsite: skipped (govsite.skip)");
            return;
        }
        if (year != null && (year < 2008 || year > 2099)) {
            throw new MojoExecutionException("govsite: invalid parameter: year " + year
                    + " (a report year from 2008 on)");
        }
        Locale locale;
        try {
            locale = Language.parse(language);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("govsite: invalid parameter: " + e.getMessage(), e);
        }
        BuildConfig config = BuildConfig.builder(basedir.toPath(), sourceDirectory.toPath()).locale(locale).build();
        Import.Result result;
        try {
            result = new Import(config).run(new Import.Request(input.toPath(), Optional.ofNullable(agency)
                    .filter(a -> !a.isBlank()), Optional.ofNullable(year), overwrite));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("govsite: invalid parameter: " + e.getMessage(), e);
        } catch (FormatDefinitionException e) {
            throw new MojoExecutionException("govsite: invalid format definition " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("govsite: I/O error: " + e.getMessage(), e);
        }
        List<Finding> all = new ArrayList<>();
        result.outcomes().forEach(o -> all.addAll(o.findings()));
        all.addAll(result.check().findings());
        FindingLog.print(getLog(), all.stream().sorted().toList(), locale);
        boolean english = Language.isEnglish(locale);
        for (String line : ImportSummary.table(result, english)) {
            getLog().info(line);
        }
        long failed = result.outcomes().stream().filter(o -> !o.imported()).count();
        if (failed > 0) {
            String why = english ? "govsite: " + failed + " of " + result.outcomes().size()
                    + " files were not imported; nothing was written for them."
                    : "govsite：" + result.outcomes().size() + " 个文件中有 " + failed + " 个未导入，未为其写入任何文件。";
            getLog().error(why);
            throw new MojoFailureException(why);
        }
        getLog().info(english ? "govsite: " + result.check().summary(locale)
                : "govsite：" + result.check().summary(locale));
    }
}

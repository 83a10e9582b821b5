package org.govsite.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.NewYear;

import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Starts next year's draft report for one agency or all of them: {@code reports/<agency>/<year>/report.yaml} with
 * every cell blank ({@code ~}) except 二、上年结转, which is last year's 四、结转下年度继续办理, and {@code report.md} with
 * the six section headings and what each must contain. An existing year folder is never touched. Run
 * {@code mvn govsite:check} afterwards: it lists exactly the cells still to fill.
 */
@Mojo(name = "new-year", threadSafe = true, requiresProject = true)
public class NewYearMojo extends AbstractMojo {
    /** The project folder. */
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
     * The agency to start a report for (its folder name), or {@code all}.
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "agency", defaultValue = NewYear.ALL)
    String agency;

    /**
     * The report year to start. By default the year after each agency's latest report (for an agency without any,
     * last calendar year in 北京时间).
     *
     * @since 0.2.0
     */
    @Parameter(property = AbstractGovSiteMojo.PREFIX + "year")
    Integer year;

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
        if (year != null && (year < 2008 || year > 2100)) {
            throw new MojoExecutionException("govsite: invalid parameter: year " + year
                    + " (a report year from 2008 on)");
        }
        BuildConfig config = BuildConfig.builder(basedir.toPath(), sourceDirectory.toPath()).build();
        int lastYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        List<NewYear.Outcome> outcomes;
        try {
            outcomes = new NewYear(config).scaffold(agency, Optional.ofNullable(year), lastYear);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("govsite: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("govsite: I/O error: " + e.getMessage(), e);
        }
        for (NewYear.Outcome o : outcomes) {
            String folder = basedir.toPath().relativize(o.folder()).toString().replace('\\', '/');
            if (o.created()) {
                getLog().info("govsite：已创建 " + folder + "（" + o.year() + "年草稿）：待填写 " + o.blanks()
                        + " 个单元格，已按上年结转填写 " + o.filled() + " 个。");
            } else {
                getLog().warn("govsite：" + folder + " 已存在，未作任何改动。");
            }
        }
        getLog().info("govsite：运行 mvn govsite:check 列出尚未填写的单元格。");
    }
}

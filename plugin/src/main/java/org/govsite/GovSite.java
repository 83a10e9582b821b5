package org.govsite;

import org.govsite.check.Checker;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.KeyFigureDef;
import org.govsite.load.AgencySource;
import org.govsite.load.LoadedReport;
import org.govsite.load.SiteLoader;
import org.govsite.model.Finding;
import org.govsite.model.Messages;
import org.govsite.model.Report;
import org.govsite.model.ReportSummary;
import org.govsite.model.Severity;
import org.govsite.model.SiteInfo;
import org.govsite.render.AgencyPageRenderer;
import org.govsite.render.Archive;
import org.govsite.render.Assets;
import org.govsite.render.IndexPageRenderer;
import org.govsite.render.ReportPageRenderer;
import org.govsite.render.Templates;
import org.govsite.render.YearPageRenderer;
import org.govsite.write.SiteWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole pipeline, readable as a recipe: load → check → render → write. It runs without Maven.
 *
 * <p>Reports are taken one agency at a time and one year at a time; only a small summary of each stays in memory.
 * A report is rendered only after it passed its checks, into a staging folder; the output folder is replaced only
 * when the whole build has no finding at or above {@code failOn}.
 */
public final class GovSite {
    private final BuildConfig config;

    public GovSite(BuildConfig config) {
        this.config = config;
    }

    /** Checks every report and, when nothing fails, publishes the site. */
    public BuildResult generate() throws IOException {
        return run(true);
    }

    /** Checks every report and writes nothing but the findings file. */
    public BuildResult check() throws IOException {
        return run(false);
    }

    private BuildResult run(boolean publish) throws IOException {
        Messages messages = new Messages(config.locale());
        List<Finding> findings = new ArrayList<>();
        FormatCatalog formats = FormatCatalog.withCustom(config.formatsDir());
        SiteLoader loader = new SiteLoader(config.projectDir(), config.sourceDir(), formats, messages, findings::add);
        Checker checker = new Checker(messages);

        SiteInfo site = loader.siteInfo();
        List<AgencySource> agencies = loader.agencies(site);

        SiteWriter writer = publish ? new SiteWriter(config.outputDir()) : null;
        Templates templates = publish ? new Templates(config.themeDir().resolve("templates")) : null;
        ReportPageRenderer reportPages = publish ? new ReportPageRenderer(templates, site.title()) : null;

        List<ReportSummary> summaries = new ArrayList<>();
        int reports = 0;
        try {
            for (AgencySource agency : agencies) {
                List<Integer> years = agency.years().stream().map(AgencySource.YearSource::year).toList();
                Report previous = null;
                for (AgencySource.YearSource year : agency.years()) {
                    List<Finding> own = new ArrayList<>();
                    Optional<LoadedReport> loaded = loader.load(agency.agency(), year);
                    reports++;
                    if (loaded.isEmpty()) {
                        previous = null;
                        continue;
                    }
                    Report report = loaded.get().report();
                    Checker.Outcome outcome = checker.check(report, previous, loaded.get().publishedLine(),
                            loaded.get().publishedColumn());
                    own.addAll(outcome.findings());
                    findings.addAll(own);
                    boolean clean = findings.stream().noneMatch(f -> f.severity() == Severity.ERROR
                            && (f.file().equals(report.yamlPath()) || f.file().equals(report.markdownPath())));
                    if (publish && clean) {
                        reportPages.render(report, outcome.checked(), own, years, writer);
                    }
                    summaries.add(ReportSummary.of(report));
                    previous = report;
                }
            }
            BuildResult checked = new BuildResult(findings, reports, 0, false, config.failOn());
            if (!publish || checked.failed()) {
                if (writer != null) {
                    writer.discard();
                }
                writeFindings(checked);
                return checked;
            }
            Archive archive = new Archive(site, agencies.stream().map(AgencySource::agency).toList(), summaries,
                    figures(formats));
            new IndexPageRenderer(templates).render(archive, writer);
            AgencyPageRenderer agencyPages = new AgencyPageRenderer(templates);
            for (AgencySource a : agencies) {
                agencyPages.render(archive, a.agency(), writer);
            }
            YearPageRenderer yearPages = new YearPageRenderer(templates);
            for (Map.Entry<Integer, List<ReportSummary>> y : archive.byYear().entrySet()) {
                yearPages.render(archive, y.getKey(), y.getValue(), writer);
            }
            Assets.copy(config.themeDir().resolve("assets"), writer);
            int files = writer.fileCount();
            writer.commit();
            BuildResult done = new BuildResult(findings, reports, files, true, config.failOn());
            writeFindings(done);
            return done;
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                writer.discard();
            }
            throw e;
        }
    }

    private void writeFindings(BuildResult result) throws IOException {
        if (config.findingsFile() != null) {
            FindingsFile.write(config.findingsFile(), result);
        }
        if (config.sarifFile() != null) {
            SarifFile.write(config.sarifFile(), result, config.locale());
        }
    }

    /** The key figures of every format, each key once, in the order of the newest format first. */
    private static List<Archive.Figure> figures(FormatCatalog formats) {
        List<Archive.Figure> out = new ArrayList<>();
        List<FormatDefinition> newestFirst = new ArrayList<>(formats.all());
        newestFirst.sort((a, b) -> Integer.compare(b.firstYear(), a.firstYear()));
        for (FormatDefinition f : newestFirst) {
            for (KeyFigureDef k : f.keyFigures()) {
                if (out.stream().noneMatch(x -> x.key().equals(k.key()))) {
                    out.add(new Archive.Figure(k.key(), k.label()));
                }
            }
        }
        return out;
    }
}

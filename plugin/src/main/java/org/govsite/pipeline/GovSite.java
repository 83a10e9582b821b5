package org.govsite.pipeline;

import org.govsite.diagnostics.FindingsFile;
import org.govsite.diagnostics.SarifFile;

import org.govsite.check.Checker;
import org.govsite.format.FormatCatalog;
import org.govsite.load.RevisionHistory;
import org.govsite.load.AgencySource;
import org.govsite.load.LoadedReport;
import org.govsite.load.SiteLoader;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.FindingLimit;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.Messages;
import org.govsite.model.Report;
import org.govsite.model.ReportSummary;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;
import org.govsite.model.SiteInfo;
import org.govsite.output.data.DatasetWriter;
import org.govsite.output.data.OpenDataWriter;
import org.govsite.output.data.SchemaRenderer;
import org.govsite.check.YearSums;
import org.govsite.output.render.AgencyPageRenderer;
import org.govsite.output.render.Archive;
import org.govsite.output.render.Assets;
import org.govsite.output.render.ChartRenderer;
import org.govsite.output.render.FeedRenderer;
import org.govsite.output.render.IndexPageRenderer;
import org.govsite.output.render.OpenDataPageRenderer;
import org.govsite.output.render.Page;
import org.govsite.output.Paths;
import org.govsite.output.render.ReportExtras;
import org.govsite.output.render.ReportPageRenderer;
import org.govsite.output.render.Templates;
import org.govsite.output.render.YearPageRenderer;
import org.govsite.output.search.SearchOutput;
import org.govsite.output.search.SearchSink;
import org.govsite.output.write.LinkChecker;
import org.govsite.output.write.OutputGuard;
import org.govsite.output.write.SiteWriter;
import org.govsite.load.Utf8Paths;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole pipeline, readable as a recipe: load → check → render → write. It runs without Maven.
 *
 * <ol>
 *   <li>{@link #reports}: each report is loaded and checked (one agency at a time, one year at a time, so that the
 *   carry-over from the previous year can be checked); a report without errors is rendered into the staging folder
 *   with its open data. Only a small summary of each report stays in memory.</li>
 *   <li>{@link #archivePages}: the home, agency, year and open-data pages, the schema, feeds and assets.</li>
 *   <li>{@link #publish}: the link check over the staged site, then the swap into the output folder, only when no
 *   finding reaches {@code failOn}. Otherwise the staging folder is thrown away and the old output stays.</li>
 * </ol>
 */
public final class GovSite {
    private final BuildConfig config;

    public GovSite(BuildConfig config) {
        this.config = config;
    }

    /** Checks every report and, when nothing fails, publishes the site. */
    public BuildResult generate() throws IOException {
        return new Run(config, true).execute();
    }

    /** Checks every report and writes nothing but the findings files. */
    public BuildResult check() throws IOException {
        return new Run(config, false).execute();
    }

    /** The state of one build; nothing of it outlives the build. */
    private static final class Run {
        private final BuildConfig config;
        private final boolean publish;
        private final Messages messages;
        private final List<Finding> findings = new ArrayList<>();
        private final FormatCatalog formats;
        private final List<Rule> rules;
        private final SiteLoader loader;
        private final Checker checker;
        private final List<ReportSummary> summaries = new ArrayList<>();
        private final YearSums yearSums = new YearSums();
        private final List<Archive.Figure> figures;
        /** Search (issue 14): a per-report output and an archive output; null when only checking. */
        private SearchOutput search;
        private int reports;

        Run(BuildConfig config, boolean publish) {
            this.config = config;
            this.publish = publish;
            this.messages = new Messages(config.locale());
            this.formats = FormatCatalog.withCustom(config.formatsDir());
            this.rules = Rule.known(formats);
            this.loader = new SiteLoader(config.projectDir(), config.sourceDir(), formats, findings::add);
            this.checker = new Checker();
            this.figures = Archive.figures(formats);
        }

        BuildResult execute() throws IOException {
            for (Path file : java.util.Arrays.asList(config.findingsFile(), config.sarifFile())) {
                if (file != null) {
                    OutputGuard.checkFile(file, file.equals(config.findingsFile()) ? "findingsFile" : "sarifFile",
                            new OutputGuard.Protected("source folder", config.sourceDir()));
                }
            }
            SiteInfo site = loader.siteInfo();
            List<AgencySource> agencies = loader.agencies(site);
            if (!publish) {
                reports(agencies, null, null);
                return finish(false, 0);
            }
            OutputGuard.check(config.outputDir(), config.projectDir(),
                    new OutputGuard.Protected("source folder", config.sourceDir()),
                    new OutputGuard.Protected("theme folder", config.themeDir()),
                    new OutputGuard.Protected("formats folder", config.formatsDir()));
            SiteWriter writer = new SiteWriter(config.outputDir());
            try {
                Templates templates = new Templates(config.themeDir().resolve("templates"));
                search = new SearchOutput(site, SearchSink.of(writer)); // search (issue 14)
                DatasetWriter dataset = reports(agencies, writer, new ReportPageRenderer(templates, site.title()));
                if (failed()) {
                    writer.discard();
                    return finish(false, 0);
                }
                archivePages(new Archive(site, agencies.stream().map(AgencySource::agency).toList(), summaries,
                        figures), templates, dataset, writer);
                return publish(writer);
            } catch (IOException | RuntimeException e) {
                writer.discard();
                throw e;
            }
        }

        /**
         * Load → check → render, report by report. Returns the archive's dataset (closed), or {@code null} when
         * only checking.
         */
        private DatasetWriter reports(List<AgencySource> agencies, SiteWriter writer, ReportPageRenderer pages)
                throws IOException {
            DatasetWriter dataset = writer == null ? null : new DatasetWriter(writer);
            try (RevisionHistory history = writer == null ? null : RevisionHistory.open(config.sourceDir());
                 RenderPool pool = new RenderPool(Runtime.getRuntime().availableProcessors())) {
                for (AgencySource agency : agencies) {
                    List<Integer> years = agency.years().stream().map(AgencySource.YearSource::year).toList();
                    Report previous = null;
                    ReportSummary previousSummary = null;
                    for (AgencySource.YearSource year : agency.years()) {
                        int before = findings.size();
                        Optional<LoadedReport> loaded = loader.load(agency.agency(), year);
                        reports++;
                        if (loaded.isEmpty()) {
                            previous = null;
                            continue;
                        }
                        Report report = loaded.get().report();
                        Checker.Outcome outcome = checker.check(report, previous, loaded.get().publishedLine(),
                                loaded.get().publishedColumn());
                        findings.addAll(outcome.findings());
                        boolean clean = findings.subList(before, findings.size()).stream()
                                .noneMatch(f -> f.severity() == Severity.ERROR);
                        ReportSummary summary = ReportSummary.of(report);
                        if (writer != null && clean) {
                            Path folder = config.projectDir().resolve(report.yamlPath()).getParent();
                            ReportExtras extras = ReportExtras.of(summary, previousSummary, figures,
                                    history.of(folder), Page.rootOf(Paths.report(agency.agency().id(), year.year())));
                            List<String> attachments = loaded.get().attachments();
                            search.add(report, summary); // search (issue 14): index the report as it is published
                            pool.submit(() -> {
                                pages.render(report, outcome.checked(), outcome.findings(), years, extras,
                                        attachments, writer);
                                OpenDataWriter.write(report, writer);
                                for (String file : attachments) {
                                    writer.write(Paths.attachment(agency.agency().id(), year.year(), file),
                                            java.nio.file.Files.readAllBytes(Utf8Paths.resolve(year.dir(), file)));
                                }
                            });
                            dataset.add(report);
                            yearSums.add(report);
                        }
                        summaries.add(summary);
                        previous = report;
                        previousSummary = summary;
                    }
                }
                pool.await();
                if (history != null) {
                    history.problem().ifPresent(problem -> findings.add(Finding.of(Rule.G1,
                            relative(config.sourceDir()), 0, 0, Message.of("G1.history", problem))));
                }
            } finally {
                if (dataset != null) {
                    dataset.close();
                }
            }
            return dataset;
        }

        /** The pages and files made from the whole archive. */
        private void archivePages(Archive archive, Templates templates, DatasetWriter dataset, SiteWriter writer)
                throws IOException {
            new IndexPageRenderer(templates).render(archive, writer);
            AgencyPageRenderer agencyPages = new AgencyPageRenderer(templates, ChartRenderer.groups(formats));
            for (var agency : archive.agencies()) {
                agencyPages.render(archive, agency, writer);
            }
            YearPageRenderer yearPages = new YearPageRenderer(templates);
            for (Map.Entry<Integer, List<ReportSummary>> y : archive.byYear().entrySet()) {
                yearPages.render(archive, y.getKey(), y.getValue(), YearPageRenderer.sums(yearSums, y.getKey(),
                        checker), writer);
            }
            new OpenDataPageRenderer(templates).render(archive, formats, dataset.rows(), writer);
            writer.write(Paths.SCHEMA, SchemaRenderer.render(formats,
                    config.baseUrl() == null ? null : config.baseUrl() + Paths.SCHEMA));
            new FeedRenderer(templates, config.baseUrl()).render(archive, writer);
            if (config.baseUrl() == null) {
                findings.add(Finding.of(Rule.P1, relative(config.sourceDir()), 0, 0, Message.of("P1.noBaseUrl")));
            }
            search.finish(templates); // search (issue 14): shards, search page and script, before theme assets
            Assets.copy(config.themeDir().resolve("assets"), writer);
        }

        /** The link check over the staged site; then the swap, unless a finding reaches failOn. */
        private BuildResult publish(SiteWriter writer) throws IOException {
            findings.addAll(new LinkChecker(messages, relative(config.outputDir())).check(writer.stagingRoot()));
            if (failed()) {
                writer.discard();
                return finish(false, 0);
            }
            int files = writer.fileCount();
            writer.commit();
            return finish(true, files);
        }

        private boolean failed() {
            return findings.stream().anyMatch(f -> config.failOn().fails(f.severity()));
        }

        private BuildResult finish(boolean published, int files) throws IOException {
            BuildResult result = new BuildResult(FindingLimit.apply(findings, FindingLimit.PER_FILE), reports, files,
                    published, config.failOn());
            if (config.findingsFile() != null) {
                FindingsFile.write(config.findingsFile(), result.findings(), result.reports(), result.failed(),
                        config.locale());
            }
            if (config.sarifFile() != null) {
                SarifFile.write(config.sarifFile(), result.findings(), rules, config.locale());
            }
            return result;
        }

        private String relative(Path p) {
            Path rel = p.startsWith(config.projectDir()) ? config.projectDir().relativize(p) : p;
            return rel.toString().replace('\\', '/');
        }
    }
}

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
import org.govsite.write.LinkChecker;
import org.govsite.write.SiteWriter;
import org.govsite.history.RevisionHistory;
import org.govsite.model.Rule;
import org.govsite.opendata.DatasetWriter;
import org.govsite.opendata.OpenDataWriter;
import org.govsite.opendata.SchemaRenderer;
import org.govsite.opendata.YearSums;
import org.govsite.render.ChartRenderer;
import org.govsite.render.FeedRenderer;
import org.govsite.render.OpenDataPageRenderer;
import org.govsite.render.ReportExtras;
import org.govsite.render.TableViewBuilder;
import org.govsite.render.Paths;

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
        List<Archive.Figure> figures = figures(formats);
        YearSums yearSums = new YearSums();
        int reports = 0;
        DatasetWriter dataset = null;
        try (RevisionHistory history = publish ? RevisionHistory.open(config.sourceDir()) : null;
             RenderPool pages = new RenderPool(Runtime.getRuntime().availableProcessors())) {
            dataset = publish ? new DatasetWriter(writer) : null;
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
                    List<Finding> own = outcome.findings();
                    findings.addAll(own);
                    boolean clean = findings.subList(before, findings.size()).stream()
                            .noneMatch(f -> f.severity() == Severity.ERROR);
                    ReportSummary summary = ReportSummary.of(report);
                    if (publish && clean) {
                        String page = Paths.report(report.agency().id(), report.year());
                        ReportExtras extras = ReportExtras.of(summary, previousSummary, figures,
                                history.of(config.projectDir().resolve(report.yamlPath()).getParent()),
                                org.govsite.render.Page.rootOf(page));
                        pages.submit(() -> {
                            reportPages.render(report, outcome.checked(), own, years, extras, writer);
                            OpenDataWriter.write(report, writer);
                        });
                        dataset.add(report);
                        yearSums.add(report);
                    }
                    summaries.add(summary);
                    previous = report;
                    previousSummary = summary;
                }
            }
            if (dataset != null) {
                dataset.close();
            }
            pages.await();
            BuildResult checked = new BuildResult(findings, reports, 0, false, config.failOn());
            if (!publish || checked.failed()) {
                if (writer != null) {
                    writer.discard();
                }
                writeFindings(checked);
                return checked;
            }
            Archive archive = new Archive(site, agencies.stream().map(AgencySource::agency).toList(), summaries,
                    figures);
            new IndexPageRenderer(templates).render(archive, writer);
            AgencyPageRenderer agencyPages = new AgencyPageRenderer(templates, chartGroups(formats));
            for (AgencySource a : agencies) {
                agencyPages.render(archive, a.agency(), writer);
            }
            YearPageRenderer yearPages = new YearPageRenderer(templates);
            for (Map.Entry<Integer, List<ReportSummary>> y : archive.byYear().entrySet()) {
                yearPages.render(archive, y.getKey(), y.getValue(), sums(yearSums, y.getKey(), checker), writer);
            }
            new OpenDataPageRenderer(templates).render(archive, formats, dataset.rows(), writer);
            writer.write(Paths.SCHEMA, SchemaRenderer.render(formats,
                    config.baseUrl() == null ? null : config.baseUrl() + Paths.SCHEMA));
            new FeedRenderer(templates, config.baseUrl()).render(archive, writer);
            if (config.baseUrl() == null) {
                findings.add(Finding.of(Rule.P1, displaySource(), 0, 0, messages.text("P1.noBaseUrl")));
            }
            Assets.copy(config.themeDir().resolve("assets"), writer);
            findings.addAll(new LinkChecker(messages, displayOutput()).check(writer.stagingRoot()));
            BuildResult linked = new BuildResult(findings, reports, 0, false, config.failOn());
            if (linked.failed()) {
                writer.discard();
                writeFindings(linked);
                return linked;
            }
            int files = writer.fileCount();
            writer.commit();
            BuildResult done = new BuildResult(findings, reports, files, true, config.failOn());
            writeFindings(done);
            return done;
        } catch (IOException | RuntimeException e) {
            if (dataset != null) {
                try {
                    dataset.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (writer != null) {
                writer.discard();
            }
            throw e;
        }
    }

    /** The year's cell-by-cell sums as tables, each checked by the same table rules as a single report. */
    private static List<YearPageRenderer.SumView> sums(YearSums yearSums, int year, Checker checker) {
        List<YearPageRenderer.SumView> out = new ArrayList<>();
        for (YearSums.YearTotal t : yearSums.of(year)) {
            Checker.Outcome outcome = checker.checkTables(t.sum());
            List<String> rules = outcome.checked().stream().map(Rule::name).sorted().toList();
            List<String> problems = outcome.findings().stream().map(f -> "[" + f.rule().name() + "] " + f.message())
                    .toList();
            String summary = "合计已按" + String.join("、", rules) + "核对"
                    + (problems.isEmpty() ? "，全部通过。" : "，存在以下" + problems.size() + "处不一致：");
            out.add(new YearPageRenderer.SumView(year + "年各机构合计（" + t.format().title() + "）",
                    "本年度按此格式填报的 " + t.reports() + " 份报告逐格相加；任一报告缺少的单元格不计合计。",
                    t.sum().tables().stream().map(TableViewBuilder::build).toList(), summary, problems));
        }
        return out;
    }

    /** The trend charts: the key figures of each table, in the order of the newest format. */
    private static List<ChartRenderer.Group> chartGroups(FormatCatalog formats) {
        Map<String, ChartRenderer.Group> groups = new java.util.LinkedHashMap<>();
        List<FormatDefinition> newestFirst = new ArrayList<>(formats.all());
        newestFirst.sort((a, b) -> Integer.compare(b.firstYear(), a.firstYear()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FormatDefinition f : newestFirst) {
            for (KeyFigureDef k : f.keyFigures()) {
                if (!seen.add(k.key())) {
                    continue;
                }
                String caption = f.table(k.table()).map(org.govsite.format.TableDef::caption).orElse(k.table());
                ChartRenderer.Group g = groups.getOrDefault(k.table(), new ChartRenderer.Group(caption, List.of(),
                        List.of()));
                List<String> keys = new ArrayList<>(g.keys());
                List<String> labels = new ArrayList<>(g.labels());
                keys.add(k.key());
                labels.add(k.label());
                groups.put(k.table(), new ChartRenderer.Group(g.title(), keys, labels));
            }
        }
        return List.copyOf(groups.values());
    }

    private String displaySource() {
        return relative(config.sourceDir());
    }

    private String displayOutput() {
        return relative(config.outputDir());
    }

    private String relative(java.nio.file.Path p) {
        java.nio.file.Path rel = p.startsWith(config.projectDir()) ? config.projectDir().relativize(p) : p;
        return rel.toString().replace('\\', '/');
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

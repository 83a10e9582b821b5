package org.govsite.output.render;

import com.vladsch.flexmark.util.ast.Document;
import org.govsite.output.Paths;

import org.govsite.format.FormatDefinition;
import org.govsite.diagnostics.Finding;
import org.govsite.model.Report;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;
import org.govsite.model.TableValues;
import org.govsite.diagnostics.Language;
import org.govsite.format.FormatCatalog;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.PageText;
import org.govsite.output.ReportOutput;
import org.govsite.output.ReportToPublish;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders one report page: the six sections in order, each with its narrative and its official tables. Shares across
 * threads only immutable state and the Thymeleaf engine, which is thread-safe; the narrative renderer keeps no state.
 */
public final class ReportPageRenderer implements ReportOutput {
    private static final String NUMERALS = "一二三四五六";

    private final Templates templates;
    private final String siteTitle;
    private final PageText text;
    private final List<ArchiveIndex.Figure> figures;
    private final NarrativeRenderer narratives = new NarrativeRenderer();

    /** @param figures the archive's key figures, for the comparison with the previous report */
    public ReportPageRenderer(Templates templates, PageText text, String siteTitle,
                              List<ArchiveIndex.Figure> figures) {
        this.templates = templates;
        this.text = text;
        this.siteTitle = siteTitle;
        this.figures = List.copyOf(figures);
    }

    /** The page's model, for the template {@code report.html}. */
    public record ReportView(String title, boolean sample, String publisher, int year, String published,
                             String publishedText, String indexNo, String formatTitle, String intro,
                             List<SectionView> sections, ValidationView validation, Page.Link previous,
                             Page.Link next, String agencyHref, String agencyName, DataCheckView dataCheck,
                             Page.Link pdf) {
        /** This view with the link to the report's PDF (its label names the size). */
        public ReportView withPdf(Page.Link link) {
            return new ReportView(title, sample, publisher, year, published, publishedText, indexNo, formatTitle,
                    intro, sections, validation, previous, next, agencyHref, agencyName, dataCheck, link);
        }
    }

    /**
     * The 数据核对 box of a published record, shown before its first table: what the checks found, in plain Chinese,
     * each cell named by its official labels.
     *
     * @param before   the id of the section the box comes before
     * @param summary  how many disagreements
     * @param found    the disagreements (warnings), each in words
     * @param notes    how many blanks were counted as 0 and agree with the rest (notes), or empty
     */
    public record DataCheckView(String before, String intro, String summary, List<String> found, String notes) {
    }

    /** One official section. */
    public record SectionView(String id, String title, String html, List<TableView> tables) {
    }

    /** The 数据校验 status: which rules were checked, and the warnings that stand. */
    public record ValidationView(String summary, List<String> rules, List<String> warnings) {
    }

    /** Writes the report's page. */
    @Override
    public void write(ReportToPublish r, OutputSink out) throws IOException {
        write(r, view(r), out);
    }

    /**
     * Writes the report's page from its view ({@link #view}), which an output that adds a file beside the page (its
     * PDF) may have given a link with {@link ReportView#withPdf}.
     */
    public void write(ReportToPublish r, ReportView view, OutputSink out) throws IOException {
        Report report = r.report();
        String path = Paths.report(report.agency().id(), report.year());
        String root = Page.rootOf(path);
        ReportExtras extras = ReportExtras.of(r.summary(), r.previous(), figures, r.history(), root, text);
        Page page = new Page(root, report.meta().title(), siteTitle, List.of(
                new Page.Link(text.text("crumb.home"), root + Paths.INDEX),
                new Page.Link(report.agency().name(), root + Paths.agency(report.agency().id())),
                new Page.Link(text.text("year", report.year()), null)));
        try (Writer w = out.open(path)) {
            Map<String, Object> variables = new HashMap<>(Map.of("page", page, "report", view));
            if (extras != null) {
                variables.put("extras", extras);
            }
            templates.render("report", variables, w);
        }
    }

    /** The page's model: the six sections with their narrative and official tables, without a PDF link. */
    public ReportView view(ReportToPublish r) {
        return view(r.report(), r.checked().loaded().document(), r.checked().checked(), r.checked().findings(),
                r.years(), r.checked().loaded().attachments());
    }

    /**
     * @param checked     the rules that ran on this report
     * @param findings    this report's findings (warnings and notes only: a report with errors is not rendered)
     * @param years       the years of this agency whose reports are published, ascending
     * @param attachments the files of the report's folder published beside it (relative to the folder); the
     *                    narrative's links to them are pointed at their published copies
     */
    private ReportView view(Report report, Document narrative, Set<Rule> checked, List<Finding> findings,
                            List<Integer> years, List<String> attachments) {
        NarrativeRenderer.Parts parts = narratives.render(narrative,
                Paths.attachmentFolder(report.year()), Set.copyOf(attachments));
        Optional<FormatDefinition> format = report.format();
        List<String> titles = format.map(FormatDefinition::sections)
                .orElseGet(FormatCatalog::standardSections);
        List<SectionView> sections = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String numeral = String.valueOf(NUMERALS.charAt(i));
            Optional<NarrativeRenderer.Section> written = parts.sections().stream()
                    .filter(s -> s.numeral().equals(numeral)).findFirst();
            List<TableView> tables = new ArrayList<>();
            for (TableValues t : report.tables()) {
                if (t.def().section() == i + 1) {
                    tables.add(TableViewBuilder.build(t, text));
                }
            }
            sections.add(new SectionView("s" + (i + 1), written.map(NarrativeRenderer.Section::title)
                    .orElse(titles.get(i)), written.map(NarrativeRenderer.Section::html).orElse(""), tables));
        }
        int index = years.indexOf(report.year());
        Page.Link previous = index > 0
                ? new Page.Link(text.text("year", years.get(index - 1)), years.get(index - 1) + ".html") : null;
        Page.Link next = index >= 0 && index < years.size() - 1
                ? new Page.Link(text.text("year", years.get(index + 1)), years.get(index + 1) + ".html") : null;
        Optional<LocalDate> published = report.meta().published();
        ReportView view = new ReportView(report.meta().title(), report.meta().sample(), report.meta().publisher(),
                report.year(), published.map(LocalDate::toString).orElse(null),
                published.map(d -> ReportExtras.date(text, d))
                        .orElse(null),
                report.meta().indexNo().orElse(null),
                format.map(f -> f.title()).orElse(null), parts.intro(), sections,
                validation(checked, findings, format.isPresent(), !report.meta().isPublished()), previous, next,
                "index.html", report.agency().name(), dataCheck(report, findings, sections), null);
        return view;
    }

    /** The 数据核对 box of a published record; {@code null} for a draft. */
    private DataCheckView dataCheck(Report report, List<Finding> findings, List<SectionView> sections) {
        if (!report.meta().isPublished()) {
            return null;
        }
        String before = sections.stream().filter(s -> !s.tables().isEmpty()).map(SectionView::id).findFirst()
                .orElse(sections.get(0).id());
        List<String> found = findings.stream().filter(f -> f.severity().atLeast(Severity.WARNING)).sorted()
                .map(Finding::message).toList();
        long notes = findings.stream().filter(f -> f.severity() == Severity.INFO).count();
        return new DataCheckView(before, text.text("check.box.intro"),
                found.isEmpty() ? text.text("check.box.none") : text.text("check.box.found", found.size()), found,
                notes == 0 ? null : text.text("check.box.notes", notes));
    }

    /**
     * @param listWarnings whether the box lists the warnings: a published record's are in its 数据核对 box instead
     */
    private ValidationView validation(Set<Rule> checked, List<Finding> findings, boolean tables,
                                      boolean listWarnings) {
        List<String> rules = new ArrayList<>();
        for (Rule r : checked.stream().sorted(Rule.ORDER).toList()) {
            rules.add(r.code() + " " + r.title(Language.CHINESE));
        }
        List<String> warnings = !listWarnings ? List.of() : findings.stream()
                .filter(f -> f.severity().atLeast(Severity.WARNING))
                .map(f -> "[" + f.rule().code() + "] " + f.message()).toList();
        String summary = text.text(tables ? "report.validation.tables" : "report.validation.narrativeOnly")
                + (!listWarnings ? text.text("report.validation.seeBox")
                : warnings.isEmpty() ? text.text("report.validation.passed")
                : text.text("report.validation.warnings", warnings.size()));
        return new ValidationView(summary, rules, warnings);
    }
}

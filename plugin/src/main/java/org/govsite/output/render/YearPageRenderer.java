package org.govsite.output.render;

import org.govsite.output.Paths;

import org.govsite.check.Checker;
import org.govsite.check.YearSums;
import org.govsite.diagnostics.Rule;
import org.govsite.model.ReportSummary;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.PageText;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders every year's page: every agency's published report that year, with key figures and the cell-by-cell sums,
 * checked by the same rules as a single report. A page whose view (rows, totals, sums) is that of the published page
 * is kept, not rendered ({@link OutputSink#keepUnchanged}). Shares the checker, which is immutable.
 */
public final class YearPageRenderer implements ArchiveOutput {
    private final Templates templates;

    private final PageText text;
    private final Checker checker;

    public YearPageRenderer(Templates templates, PageText text, Checker checker) {
        this.templates = templates;
        this.text = text;
        this.checker = checker;
    }

    public record YearView(String title, String caption, List<String> figureLabels, List<ListingRows.Row> reports,
                           List<String> totals) {
    }

    /**
     * The sum across agencies of one format's tables, checked by the same rules as a single report.
     *
     * @param summary  which rules were checked and whether they passed
     * @param problems the rule findings on the sum (none when every report passed)
     */
    public record SumView(String title, String note, List<TableView> tables, String summary, List<String> problems) {
        public SumView {
            tables = List.copyOf(tables);
            problems = List.copyOf(problems);
        }
    }

    @Override
    public void write(ArchiveIndex archive, OutputSink out) throws IOException {
        for (Map.Entry<Integer, List<ReportSummary>> y : archive.byYear().entrySet()) {
            render(archive, y.getKey(), y.getValue(), sums(archive.yearSums(), y.getKey()), out);
        }
    }

    /** @param sums the year's cell-by-cell sums, one per format */
    private void render(ArchiveIndex archive, int year, List<ReportSummary> reports, List<SumView> sums,
                        OutputSink out) throws IOException {
        String path = Paths.year(year);
        String root = Page.rootOf(path);
        ListingRows rows = ListingRows.of(archive, reports, ReportSummary::agencyName, root, true);
        String title = text.text("year.title", year);
        Page page = new Page(root, title, archive.site().title(), List.of(
                new Page.Link(text.text("crumb.home"), root + Paths.INDEX), new Page.Link(text.text("year", year), null)));
        YearView view = new YearView(title, text.text("year.caption", year), rows.figureLabels(), rows.rows(),
                rows.totals());
        if (out.keepUnchanged(path, Inputs.of("year", page, view, sums))) {
            return; // what the page shows is what the published one was made from
        }
        try (Writer w = out.open(path)) {
            templates.render("year", Map.of("page", page, "year", view, "sums", sums), w);
        }
    }

    /** The year's cell-by-cell sums as tables, each checked by the same table rules as a single report. */
    private List<SumView> sums(YearSums yearSums, int year) {
        List<SumView> out = new ArrayList<>();
        for (YearSums.YearTotal t : yearSums.of(year)) {
            Checker.Outcome outcome = checker.checkTables(t.sum());
            List<String> rules = outcome.checked().stream().map(Rule::code).sorted().toList();
            List<String> problems = outcome.findings().stream().map(f -> "[" + f.rule().code() + "] " + f.message())
                    .toList();
            String summary = text.text("year.sums.checked", String.join(text.text("list.separator"), rules))
                    + (problems.isEmpty() ? text.text("year.sums.passed")
                    : text.text("year.sums.problems", problems.size()));
            out.add(new SumView(text.text("year.sums.title", year, t.format().title()),
                    text.text("year.sums.note", t.reports())
                            + (t.withBlanks() == 0 ? "" : text.text("year.sums.blanks", t.withBlanks())),
                    t.sum().tables().stream().map(v -> TableViewBuilder.build(v, text)).toList(), summary, problems));
        }
        return out;
    }
}

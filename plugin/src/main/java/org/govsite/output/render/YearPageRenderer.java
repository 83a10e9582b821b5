package org.govsite.output.render;

import org.govsite.output.Paths;

import org.govsite.model.ReportSummary;
import org.govsite.output.write.SiteWriter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a year's page: every agency's report that year, with key figures and their sum. */
public final class YearPageRenderer {
    private final Templates templates;

    public YearPageRenderer(Templates templates) {
        this.templates = templates;
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

    public void render(Archive archive, int year, List<ReportSummary> reports, SiteWriter out) throws IOException {
        render(archive, year, reports, List.of(), out);
    }

    /** @param sums the year's cell-by-cell sums, one per format */
    public void render(Archive archive, int year, List<ReportSummary> reports, List<SumView> sums, SiteWriter out)
            throws IOException {
        String path = Paths.year(year);
        String root = Page.rootOf(path);
        ListingRows rows = ListingRows.of(archive, reports, ReportSummary::agencyName, root, true);
        String title = year + "年度政府信息公开工作年度报告";
        Page page = new Page(root, title, archive.site().title(), List.of(
                new Page.Link("首页", root + Paths.INDEX), new Page.Link(year + "年", null)));
        YearView view = new YearView(title, year + "年各机构报告及主要数据", rows.figureLabels(), rows.rows(),
                rows.totals());
        try (Writer w = out.open(path)) {
            templates.render("year", Map.of("page", page, "year", view, "sums", sums), w);
        }
    }

    /** The year's cell-by-cell sums as tables, each checked by the same table rules as a single report. */
    public static List<SumView> sums(org.govsite.check.YearSums yearSums, int year,
                                     org.govsite.check.Checker checker) {
        List<SumView> out = new ArrayList<>();
        for (org.govsite.check.YearSums.YearTotal t : yearSums.of(year)) {
            org.govsite.check.Checker.Outcome outcome = checker.checkTables(t.sum());
            List<String> rules = outcome.checked().stream().map(org.govsite.diagnostics.Rule::code).sorted().toList();
            List<String> problems = outcome.findings().stream().map(f -> "[" + f.rule().code() + "] " + f.message())
                    .toList();
            String summary = "合计已按" + String.join("、", rules) + "核对"
                    + (problems.isEmpty() ? "，全部通过。" : "，存在以下" + problems.size() + "处不一致：");
            out.add(new SumView(year + "年各机构合计（" + t.format().title() + "）",
                    "本年度按此格式填报的 " + t.reports() + " 份报告逐格相加；任一报告缺少的单元格不计合计。",
                    t.sum().tables().stream().map(TableViewBuilder::build).toList(), summary, problems));
        }
        return out;
    }
}

package org.govsite.output.render;

import org.govsite.output.Paths;

import org.govsite.model.Agency;
import org.govsite.model.ReportSummary;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.PageText;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Renders every agency's page: its published reports over the years, with their key figures and trend charts. In an
 * incremental build, the page of an agency whose reports are unchanged ({@link ArchiveIndex#unchanged}) is kept.
 * Shares nothing mutable.
 */
public final class AgencyPageRenderer implements ArchiveOutput {
    private final Templates templates;
    private final PageText text;

    private final List<ChartRenderer.Group> charts;

    /** @param charts the trend charts to draw from the key figures, one per group */
    public AgencyPageRenderer(Templates templates, PageText text, List<ChartRenderer.Group> charts) {
        this.templates = templates;
        this.text = text;
        this.charts = List.copyOf(charts);
    }

    public record AgencyView(String name, String kind, List<String> figureLabels, List<ListingRows.Row> reports) {
    }

    @Override
    public void write(ArchiveIndex archive, OutputSink out) throws IOException {
        for (Agency agency : archive.agencies()) {
            render(archive, agency, out);
        }
    }

    private void render(ArchiveIndex archive, Agency agency, OutputSink out) throws IOException {
        String path = Paths.agency(agency.id());
        if (archive.unchanged(agency.id()) && out.keep(path)) {
            return; // none of its reports changed: the page is the previous build's
        }
        String root = Page.rootOf(path);
        ListingRows rows = ListingRows.of(archive, archive.reportsOf(agency.id()), r -> text.text("year", r.year()), root, false);
        Page page = new Page(root, agency.name(), archive.site().title(), List.of(
                new Page.Link(text.text("crumb.home"), root + Paths.INDEX), new Page.Link(agency.name(), null)));
        AgencyView view = new AgencyView(agency.name(), agency.kind().label(), rows.figureLabels(), rows.rows());
        try (Writer w = out.open(path)) {
            List<ReportSummary> oldestFirst = new ArrayList<>(archive.reportsOf(agency.id()));
            Collections.reverse(oldestFirst);
            templates.render("agency", Map.of("page", page, "agency", view,
                    "charts", ChartRenderer.trends("chart", agency.name(), oldestFirst, charts)), w);
        }
    }
}

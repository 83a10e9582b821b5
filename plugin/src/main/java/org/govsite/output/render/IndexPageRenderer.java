package org.govsite.output.render;

import org.govsite.output.Paths;

import org.govsite.model.Agency;
import org.govsite.model.Group;
import org.govsite.model.ReportSummary;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.PageText;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renders the archive's home page: the latest reports, every year and every agency; kept when its view is that of the
 * published page ({@link OutputSink#keepUnchanged}). Shares nothing mutable.
 */
public final class IndexPageRenderer implements ArchiveOutput {
    static final int LATEST = 10;
    private final Templates templates;
    private final PageText text;

    public IndexPageRenderer(Templates templates, PageText text) {
        this.templates = templates;
        this.text = text;
    }

    public record IndexView(List<Item> latest, List<Item> years, List<GroupView> groups) {
    }

    public record Item(String label, String href, boolean sample, int count) {
    }

    public record GroupView(String label, List<Item> agencies) {
    }

    @Override
    public void write(ArchiveIndex archive, OutputSink out) throws IOException {
        String root = "";
        List<Item> latest = archive.reports().stream()
                .sorted(Comparator.comparing((ReportSummary r) -> r.published().orElse(LocalDate.of(r.year() + 1, 1, 1)))
                        .thenComparingInt(ReportSummary::year).thenComparing(ReportSummary::agencyId).reversed())
                .limit(LATEST)
                .map(r -> new Item(r.title(), root + Paths.report(r.agencyId(), r.year()), r.sample(), 1)).toList();
        List<Item> years = new ArrayList<>();
        for (Map.Entry<Integer, List<ReportSummary>> y : archive.byYear().entrySet()) {
            years.add(new Item(text.text("year", y.getKey()), root + Paths.year(y.getKey()), false, y.getValue().size()));
        }
        List<GroupView> groups = new ArrayList<>();
        for (Map.Entry<Group, List<Agency>> g : archive.byGroup().entrySet()) {
            groups.add(new GroupView(g.getKey().key().isEmpty() ? text.text("index.ungrouped") : g.getKey().label(), g.getValue().stream()
                    .map(a -> new Item(a.name(), root + Paths.agency(a.id()), false, archive.reportsOf(a.id()).size()))
                    .toList()));
        }
        Page page = new Page(root, text.text("index.title"), archive.site().title(), List.of());
        IndexView view = new IndexView(latest, years, groups);
        if (out.keepUnchanged(Paths.INDEX, Inputs.of("index", page, view))) {
            return; // the same latest reports, years and agencies as the published page
        }
        try (Writer w = out.open(Paths.INDEX)) {
            templates.render("index", Map.of("page", page, "index", view), w);
        }
    }
}

package org.govsite.output.search;

import com.vladsch.flexmark.util.ast.Document;
import org.govsite.model.Group;
import org.govsite.model.Report;
import org.govsite.model.ReportSummary;
import org.govsite.model.SiteInfo;
import org.govsite.output.Paths;
import org.govsite.output.render.Page;
import org.govsite.output.render.Templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.nio.file.Path;

/**
 * The search output: the full-text index of every published report, the search page ({@code search.html}, template
 * {@code search}) and its script ({@code assets/govsite-search.js}). Reports are {@linkplain #add added} one at a time
 * as their pages are rendered; {@link #finish} writes the rest once the archive is complete.
 *
 * <p>Shares nothing across threads: {@link #add} is called from the thread that loads the reports, in their fixed
 * order. Its files go through one {@link SearchSink}.
 */
public final class SearchOutput {
    private final SiteInfo site;
    private final SearchSink sink;
    private final SearchIndex index;
    private final TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());

    /**
     * @param numbering   every report number, with its year and group
     * @param spillFolder where the index may spill its posting lists, or {@code null} to keep them in memory
     */
    public SearchOutput(SiteInfo site, SearchSink sink, Path spillFolder,
                        SearchIndex.Numbering numbering) {
        this.site = site;
        this.index = new SearchIndex(site.groups(), sink, spillFolder, SearchIndex.SPILL_BYTES, numbering);
        this.sink = sink;
    }

    /** What the index takes of a report: its page, title, agency, group, year, narrative text and key figures. */
    public static SearchEntry entry(Report report, Document narrative, ReportSummary summary) {
        List<String> figures = new ArrayList<>();
        for (ReportSummary.Figure f : summary.figures()) {
            figures.add(f.label() + "：" + plain(f.value()));
        }
        return new SearchEntry(Paths.report(report.agency().id(), report.year()), report.meta().title(),
                report.agency().name(), report.agency().group(), report.year(),
                NarrativeText.of(narrative), figures);
    }

    /** Adds a report under its number (numbers ascending). */
    public void add(int doc, SearchEntry entry) throws IOException {
        years.add(entry.year());
        index.add(doc, entry);
    }

    /** Writes the index, the search page and its script. */
    public SearchIndex.Stats finish(Templates templates) throws IOException {
        SearchIndex.Stats stats = index.finish();
        page(site, sink, years, templates);
        return stats;
    }

    /**
     * Writes the search page and its script.
     *
     * @param years the years of the indexed reports, newest first
     */
    static void page(SiteInfo site, SearchSink sink, SortedSet<Integer> years, Templates templates)
            throws IOException {
        Page page = new Page(Page.rootOf(Paths.SEARCH), "搜索", site.title(), List.of(
                new Page.Link("首页", Page.rootOf(Paths.SEARCH) + Paths.INDEX), new Page.Link("搜索", null)));
        StringWriter html = new StringWriter();
        templates.render("search", Map.of("page", page, "search", new View(List.copyOf(years), site.groups(),
                Paths.SEARCH_DATA, Paths.SEARCH_SCRIPT)), html);
        sink.write(Paths.SEARCH, html.toString().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = SearchOutput.class.getResourceAsStream("/org/govsite/assets/govsite-search.js")) {
            if (in == null) {
                throw new IOException("missing built-in asset govsite-search.js");
            }
            sink.write(Paths.SEARCH_SCRIPT, in.readAllBytes());
        }
    }

    /**
     * What the search page template gets.
     *
     * @param years  the years of the indexed reports, newest first
     * @param groups the portal's agency groups
     * @param data   the index folder, relative to the site root
     * @param script the search script, relative to the site root
     */
    public record View(List<Integer> years, List<Group> groups, String data, String script) {
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

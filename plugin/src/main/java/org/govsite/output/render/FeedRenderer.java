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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files around the pages: sitemap.xml, atom.xml (reports by publication date), robots.txt and 404.html.
 * Absolute URLs come from baseUrl only; without it, sitemap.xml and atom.xml are left out. Nothing depends on the
 * build time: the feed's {@code updated} is the newest publication date.
 */
public final class FeedRenderer implements ArchiveOutput {
    /** The newest reports in the feed. */
    public static final int FEED_ENTRIES = 50;
    /** Dates in the feed are in China Standard Time. */
    static final String OFFSET = "T00:00:00+08:00";

    private final Templates templates;
    private final PageText text;
    private final String baseUrl;

    /** @param baseUrl ending in '/', or {@code null} */
    public FeedRenderer(Templates templates, PageText text, String baseUrl) {
        this.templates = templates;
        this.text = text;
        this.baseUrl = baseUrl;
    }

    @Override
    public void write(ArchiveIndex archive, OutputSink out) throws IOException {
        if (baseUrl != null) {
            sitemap(archive, out);
            atom(archive, out);
        }
        robots(out);
        notFound(archive, out);
    }

    private void sitemap(ArchiveIndex archive, OutputSink out) throws IOException {
        try (Writer w = out.open(Paths.SITEMAP)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            url(w, Paths.INDEX, null);
            url(w, Paths.DATA, null);
            for (Integer year : archive.byYear().keySet()) {
                url(w, Paths.year(year), null);
            }
            for (Agency a : archive.agencies()) {
                url(w, Paths.agency(a.id()), null);
                for (ReportSummary r : archive.reportsOf(a.id())) {
                    url(w, Paths.report(r.agencyId(), r.year()), r.published().orElse(null));
                }
            }
            w.write("</urlset>\n");
        }
    }

    private void url(Writer w, String path, LocalDate lastmod) throws IOException {
        w.write("  <url><loc>" + xml(baseUrl + path) + "</loc>"
                + (lastmod == null ? "" : "<lastmod>" + lastmod + "</lastmod>") + "</url>\n");
    }

    private void atom(ArchiveIndex archive, OutputSink out) throws IOException {
        List<ReportSummary> dated = new ArrayList<>(archive.reports().stream()
                .filter(r -> r.published().isPresent()).toList());
        dated.sort(Comparator.comparing((ReportSummary r) -> r.published().orElseThrow()).reversed()
                .thenComparing(ReportSummary::agencyId).thenComparingInt(ReportSummary::year));
        Optional<LocalDate> newest = dated.stream().map(r -> r.published().orElseThrow()).findFirst();
        String title = archive.site().title();
        try (Writer w = out.open(Paths.ATOM)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
            w.write("  <id>" + xml(baseUrl + Paths.ATOM) + "</id>\n");
            w.write("  <title>" + xml(title) + "</title>\n");
            // An empty archive has no date of its own; the Unix epoch keeps the output free of the build time.
            w.write("  <updated>" + newest.map(d -> d + OFFSET).orElse("1970-01-01T00:00:00Z") + "</updated>\n");
            w.write("  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml(baseUrl + Paths.ATOM)
                    + "\"/>\n");
            w.write("  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml(baseUrl + Paths.INDEX) + "\"/>\n");
            w.write("  <author><name>" + xml(title) + "</name></author>\n");
            for (ReportSummary r : dated.subList(0, Math.min(FEED_ENTRIES, dated.size()))) {
                String href = baseUrl + Paths.report(r.agencyId(), r.year());
                w.write("  <entry>\n");
                w.write("    <id>" + xml(href) + "</id>\n");
                w.write("    <title>" + xml(r.title() + (r.sample() ? text.text("feed.sample") : "")) + "</title>\n");
                w.write("    <updated>" + r.published().orElseThrow() + OFFSET + "</updated>\n");
                w.write("    <published>" + r.published().orElseThrow() + OFFSET + "</published>\n");
                w.write("    <author><name>" + xml(r.agencyName()) + "</name></author>\n");
                w.write("    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml(href) + "\"/>\n");
                w.write("    <summary>" + xml(summary(r)) + "</summary>\n");
                w.write("  </entry>\n");
            }
            w.write("</feed>\n");
        }
    }

    private String summary(ReportSummary r) {
        List<String> parts = new ArrayList<>();
        for (ReportSummary.Figure f : r.figures()) {
            parts.add(text.text("feed.summary.figure", f.label(), f.value().toPlainString()));
        }
        String head = text.text("feed.summary.title", r.agencyName(), r.year());
        return parts.isEmpty() ? text.text("feed.summary.plain", head)
                : text.text("feed.summary.figures", head, String.join(text.text("feed.summary.separator"), parts));
    }

    private void robots(OutputSink out) throws IOException {
        StringBuilder s = new StringBuilder("User-agent: *\nAllow: /\n");
        if (baseUrl != null) {
            s.append("Sitemap: ").append(baseUrl).append(Paths.SITEMAP).append('\n');
        }
        out.write(Paths.ROBOTS, s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The 404 page may be served at any depth: with baseUrl its links are absolute, without it they are relative to
     * the site root (right when the server shows it at the root, as most do).
     */
    private void notFound(ArchiveIndex archive, OutputSink out) throws IOException {
        String root = baseUrl == null ? "" : baseUrl;
        Page page = new Page(root, text.text("notFound.title"), archive.site().title(), List.of());
        try (Writer w = out.open(Paths.NOT_FOUND)) {
            templates.render("404", Map.of("page", page, "home", root + Paths.INDEX,
                    "years", root + Paths.INDEX + "#by-year", "agencies", root + Paths.INDEX + "#by-agency",
                    "data", root + Paths.DATA), w);
        }
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

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

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The files around the pages: sitemap.xml, atom.xml (reports by publication date), robots.txt and 404.html.
 * Absolute URLs come from baseUrl only; without it, sitemap.xml and atom.xml are left out. Nothing depends on the
 * build time: the feed's {@code updated} is the newest publication date. The XML is written by the JDK's StAX
 * writer, which escapes it. A file made from the same inputs as the published one is kept, not written again
 * ({@link OutputSink#keepUnchanged}). Shares nothing mutable.
 */
public final class FeedRenderer implements ArchiveOutput {
    /** The JDK's own StAX writer, whatever else is on the class path: the one XML escaper of the feeds. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

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

    /** A page of the sitemap, with its date when it has one. */
    private record Url(String path, LocalDate lastmod) {
    }

    private void sitemap(ArchiveIndex archive, OutputSink out) throws IOException {
        List<Url> urls = new ArrayList<>();
        urls.add(new Url(Paths.INDEX, null));
        urls.add(new Url(Paths.DATA, null));
        for (Integer year : archive.byYear().keySet()) {
            urls.add(new Url(Paths.year(year), null));
        }
        for (Agency a : archive.agencies()) {
            urls.add(new Url(Paths.agency(a.id()), null));
            for (ReportSummary r : archive.reportsOf(a.id())) {
                urls.add(new Url(Paths.report(r.agencyId(), r.year()), r.published().orElse(null)));
            }
        }
        if (out.keepUnchanged(Paths.SITEMAP, Inputs.of("sitemap", urls))) {
            return; // the same pages with the same dates
        }
        try (Writer writer = out.open(Paths.SITEMAP)) {
            XMLStreamWriter w = XML.createXMLStreamWriter(writer);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("urlset");
            w.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            w.writeCharacters("\n");
            for (Url u : urls) {
                url(w, u.path(), u.lastmod());
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + Paths.SITEMAP, e);
        }
    }

    private void url(XMLStreamWriter w, String path, LocalDate lastmod) throws XMLStreamException {
        w.writeCharacters("  ");
        w.writeStartElement("url");
        element(w, "", "loc", baseUrl + path, false);
        if (lastmod != null) {
            element(w, "", "lastmod", lastmod.toString(), false);
        }
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private void atom(ArchiveIndex archive, OutputSink out) throws IOException {
        List<ReportSummary> dated = new ArrayList<>(archive.reports().stream()
                .filter(r -> r.published().isPresent()).toList());
        dated.sort(Comparator.comparing((ReportSummary r) -> r.published().orElseThrow()).reversed()
                .thenComparing(ReportSummary::agencyId).thenComparingInt(ReportSummary::year));
        Optional<LocalDate> newest = dated.stream().map(r -> r.published().orElseThrow()).findFirst();
        String title = archive.site().title();
        List<ReportSummary> entries = dated.subList(0, Math.min(FEED_ENTRIES, dated.size()));
        if (out.keepUnchanged(Paths.ATOM, Inputs.of("atom", title, newest, entries))) {
            return; // the same newest reports
        }
        try (Writer writer = out.open(Paths.ATOM)) {
            XMLStreamWriter w = XML.createXMLStreamWriter(writer);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            w.writeAttribute("xml:lang", "zh-CN");
            w.writeCharacters("\n");
            element(w, "  ", "id", baseUrl + Paths.ATOM, true);
            element(w, "  ", "title", title, true);
            // An empty archive has no date of its own; the Unix epoch keeps the output free of the build time.
            element(w, "  ", "updated", newest.map(d -> d + OFFSET).orElse("1970-01-01T00:00:00Z"), true);
            link(w, "  ", "self", "application/atom+xml", baseUrl + Paths.ATOM);
            link(w, "  ", "alternate", "text/html", baseUrl + Paths.INDEX);
            author(w, "  ", title);
            for (ReportSummary r : entries) {
                String href = baseUrl + Paths.report(r.agencyId(), r.year());
                w.writeCharacters("  ");
                w.writeStartElement("entry");
                w.writeCharacters("\n");
                element(w, "    ", "id", href, true);
                element(w, "    ", "title", r.title() + (r.sample() ? text.text("feed.sample") : ""), true);
                element(w, "    ", "updated", r.published().orElseThrow() + OFFSET, true);
                element(w, "    ", "published", r.published().orElseThrow() + OFFSET, true);
                author(w, "    ", r.agencyName());
                link(w, "    ", "alternate", "text/html", href);
                element(w, "    ", "summary", summary(r), true);
                w.writeCharacters("  ");
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + Paths.ATOM, e);
        }
    }

    /** {@code <name>text</name>}, after {@code indent}, and a line end when {@code line}. */
    private static void element(XMLStreamWriter w, String indent, String name, String value, boolean line)
            throws XMLStreamException {
        w.writeCharacters(indent);
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
        if (line) {
            w.writeCharacters("\n");
        }
    }

    private static void link(XMLStreamWriter w, String indent, String rel, String type, String href)
            throws XMLStreamException {
        w.writeCharacters(indent);
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
        w.writeCharacters("\n");
    }

    private static void author(XMLStreamWriter w, String indent, String name) throws XMLStreamException {
        w.writeCharacters(indent);
        w.writeStartElement("author");
        element(w, "", "name", name, false);
        w.writeEndElement();
        w.writeCharacters("\n");
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
        if (out.keepUnchanged(Paths.NOT_FOUND, Inputs.of("404", page))) {
            return;
        }
        try (Writer w = out.open(Paths.NOT_FOUND)) {
            templates.render("404", Map.of("page", page, "home", root + Paths.INDEX,
                    "years", root + Paths.INDEX + "#by-year", "agencies", root + Paths.INDEX + "#by-agency",
                    "data", root + Paths.DATA), w);
        }
    }
}

package org.govsite.output.render;

import com.vladsch.flexmark.html.HtmlRenderer;
import org.govsite.load.Markdown;
import org.govsite.model.Narrative;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a narrative to HTML, section by section (split at its level-2 headings). Raw HTML in the Markdown is
 * escaped by Flexmark, and the result is cleaned once more with jsoup: no script, no event handler, no external
 * image reaches a page.
 */
public final class NarrativeRenderer {
    private static final HtmlRenderer HTML = HtmlRenderer.builder(Markdown.OPTIONS).build();
    private static final Pattern SCHEME = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.-]*):.*", Pattern.DOTALL);
    private static final List<String> LINK_SCHEMES = List.of("http", "https", "mailto");

    /** Relative links are resolved against this placeholder only to test them; they stay relative. */
    private static final String BASE = "https://govsite.invalid/";

    private final Safelist safelist = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(true);

    /** The introduction (before the first section) and the body of each section, by the section's numeral. */
    public record Parts(String intro, List<Section> sections) {
        public Parts {
            sections = List.copyOf(sections);
        }
    }

    /** One level-2 section of the narrative: its title as written and its body as HTML. */
    public record Section(String title, String numeral, String html) {
    }

    /**
     * Renders the whole document once (so that links resolve as in any Markdown file), cleans it, then splits it at
     * its level-2 headings.
     */
    public Parts render(Narrative narrative) {
        return render(Markdown.parse(narrative.markdown())
                .orElseThrow(() -> new IllegalArgumentException("narrative too complex to parse")), "", Set.of());
    }

    /**
     * As {@link #render(Narrative)}, from the document parsed when the report was loaded, with the relative links and images that name one of the report's attachments
     * pointed at its published copy under {@code prefix}.
     */
    public Parts render(com.vladsch.flexmark.util.ast.Document narrative, String prefix, Set<String> attachments) {
        Document doc = clean(HTML.render(narrative));
        if (!attachments.isEmpty()) {
            relink(doc, prefix, attachments);
        }
        for (Element h1 : doc.select("h1")) {
            h1.tagName("h3");
        }
        StringBuilder intro = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        StringBuilder current = intro;
        String title = null;
        for (Node n : new ArrayList<>(doc.body().childNodes())) {
            if (n instanceof Element e && e.tagName().equals("h2")) {
                if (title != null) {
                    sections.add(section(title, current));
                }
                title = e.text().trim();
                current = new StringBuilder();
                continue;
            }
            current.append(n.outerHtml());
        }
        if (title != null) {
            sections.add(section(title, current));
        }
        return new Parts(intro.toString().trim(), sections);
    }

    private static Section section(String title, StringBuilder html) {
        return new Section(title, Narrative.SectionHeading.numeralOf(title), html.toString().trim());
    }

    private static void relink(Document doc, String prefix, Set<String> attachments) {
        for (Element e : doc.select("a[href], img[src]")) {
            String attr = e.hasAttr("href") ? "href" : "src";
            String link = e.attr(attr);
            if (SCHEME.matcher(link).matches() || link.startsWith("/") || link.startsWith("#")) {
                continue;
            }
            int cut = link.length();
            for (char c : new char[] {'#', '?'}) {
                int at = link.indexOf(c);
                if (at >= 0 && at < cut) {
                    cut = at;
                }
            }
            String file = URLDecoder.decode(link.substring(0, cut).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            while (file.startsWith("./")) {
                file = file.substring(2);
            }
            if (attachments.contains(file)) {
                e.attr(attr, prefix + link.replaceFirst("^(\\./)+", ""));
            }
        }
    }

    private Document clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document doc = new Cleaner(safelist).clean(dirty);
        for (Element a : doc.select("a[href]")) {
            var m = SCHEME.matcher(a.attr("href"));
            if (m.matches() && !LINK_SCHEMES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                a.removeAttr("href");
            }
        }
        for (Element img : doc.select("img")) {
            String src = img.attr("src");
            if (SCHEME.matcher(src).matches() || src.startsWith("//")) {
                img.replaceWith(new TextNode(img.attr("alt")));
            }
        }
        doc.outputSettings().prettyPrint(false).charset("UTF-8");
        return doc;
    }
}

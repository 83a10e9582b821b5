package org.govsite.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.ast.Node;
import org.govsite.load.Markdown;
import org.govsite.model.Narrative;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private final Safelist safelist = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp", "http", "https", "mailto")
            .removeProtocols("img", "src", "http", "https")
            .removeTags("h1", "h2");

    /** The introduction (before the first section) and the body of each section, by the section's numeral. */
    public record Parts(String intro, List<Section> sections) {
        public Parts {
            sections = List.copyOf(sections);
        }
    }

    /** One level-2 section of the narrative: its title as written and its body as HTML. */
    public record Section(String title, String numeral, String html) {
    }

    public Parts render(Narrative narrative) {
        StringBuilder intro = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        StringBuilder current = intro;
        String title = null;
        String numeral = null;
        for (Node n = narrative.document().getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 2) {
                if (title != null) {
                    sections.add(new Section(title, numeral, clean(current.toString())));
                }
                title = h.getText().toString().trim();
                numeral = narrative.headings().stream().filter(s -> s.line() == h.getLineNumber() + 1)
                        .map(Narrative.SectionHeading::numeral).findFirst().orElse("");
                current = new StringBuilder();
                continue;
            }
            if (n instanceof Heading h && h.getLevel() == 1) {
                current.append("<h3>").append(HTML.render(h).replaceAll("^<h1>|</h1>\\s*$", "")).append("</h3>");
                continue;
            }
            current.append(HTML.render(n));
        }
        if (title != null) {
            sections.add(new Section(title, numeral, clean(current.toString())));
        }
        return new Parts(clean(intro.toString()), sections);
    }

    private String clean(String html) {
        if (html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html);
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
                img.replaceWith(new org.jsoup.nodes.TextNode(img.attr("alt")));
            }
        }
        doc.outputSettings().prettyPrint(false).charset("UTF-8");
        return doc.body().html();
    }
}

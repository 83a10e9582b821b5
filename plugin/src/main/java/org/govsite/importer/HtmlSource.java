package org.govsite.importer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A saved HTML page (jsoup): the report's paragraphs, headings and table rows, without the page's navigation, header,
 * footer and scripts. CMS editors' {@code <p>}/{@code <span>} soup is read as text runs broken at block elements and
 * {@code <br>}; a table nested in a layout table is read as a table; an image where a table should be is kept as an
 * image line (so that it becomes a finding, never a guess).
 */
final class HtmlSource {
    private static final Set<String> DROP = Set.of("script", "style", "noscript", "template", "nav", "header",
            "footer", "aside", "form", "svg", "button", "select", "input", "textarea", "iframe", "object", "head",
            "title", "caption");
    private static final Set<String> HIDDEN_CLASSES = Set.of("visually-hidden", "sr-only", "screen-reader-text", "gs-vh");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "body", "ul", "ol",
            "li", "dl", "dt", "dd", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table", "center",
            "figure", "figcaption", "address", "hr", "tr", "td", "th", "tbody", "thead", "tfoot");

    private final List<SourceLine> out = new ArrayList<>();

    private HtmlSource() {
    }

    static List<SourceLine> lines(String html) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document doc = Jsoup.parse(html, "", parser);
        for (String tag : DROP) {
            doc.select(tag).remove();
        }
        for (String c : HIDDEN_CLASSES) {
            doc.getElementsByClass(c).remove();
        }
        Element root = doc.selectFirst("main");
        if (root == null) {
            root = doc.selectFirst("article");
        }
        if (root == null) {
            root = doc.body();
        }
        HtmlSource reader = new HtmlSource();
        reader.block(root);
        return List.copyOf(reader.out);
    }

    private static int line(Node n) {
        int l = n.sourceRange().start().lineNumber();
        return Math.max(l, 1);
    }

    /** Reads a block element: its inline runs as text lines, its block children in turn. */
    private void block(Element e) {
        String tag = e.normalName();
        if (tag.equals("table")) {
            table(e);
            return;
        }
        if (tag.matches("h[1-6]")) {
            String text = clean(e.text());
            if (!text.isEmpty()) {
                out.add(SourceLine.heading(line(e), text, tag.charAt(1) - '0'));
            }
            return;
        }
        if (tag.equals("li") && e.parent() != null && e.parent().normalName().equals("ol")) {
            int start = parseStart(e.parent().attr("start"));
            int index = start + e.elementSiblingIndex();
            String text = clean(e.text());
            if (!text.isEmpty()) {
                out.add(SourceLine.text(line(e), index + ". " + text));
            }
            return;
        }
        if (tag.equals("dl")) {
            for (Element dt : e.select("dt")) {
                Element dd = dt.nextElementSibling();
                String value = dd != null && dd.normalName().equals("dd") ? clean(dd.text()) : "";
                out.add(SourceLine.text(line(dt), clean(dt.text()) + "：" + value));
            }
            return;
        }
        StringBuilder run = new StringBuilder();
        int[] runLine = {0};
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                if (run.isEmpty() && !t.isBlank()) {
                    runLine[0] = line(child) == 1 ? line(e) : line(child);
                }
                run.append(t.getWholeText());
            } else if (child instanceof Element c) {
                String name = c.normalName();
                if (name.equals("br")) {
                    flush(run, runLine[0], e);
                } else if (name.equals("img") && !hasText(e)) {
                    flush(run, runLine[0], e);
                    out.add(SourceLine.image(line(c), clean(c.attr("alt"))));
                } else if (BLOCKS.contains(name)) {
                    flush(run, runLine[0], e);
                    block(c);
                } else if (!c.select("table, p, div, br, img, li, h1, h2, h3, h4, h5, h6").isEmpty()) {
                    flush(run, runLine[0], e);
                    block(c);
                } else {
                    if (run.isEmpty()) {
                        runLine[0] = line(c);
                    }
                    run.append(c.text());
                }
            }
        }
        flush(run, runLine[0], e);
    }

    private static boolean hasText(Element e) {
        return !clean(e.text()).isEmpty();
    }

    private static int parseStart(String start) {
        try {
            return start.isBlank() ? 1 : Integer.parseInt(start.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void flush(StringBuilder run, int at, Element e) {
        String text = clean(run.toString());
        if (!text.isEmpty()) {
            boolean bold = e.select("strong, b").size() == 1 && clean(e.select("strong, b").text()).equals(text)
                    && e.childrenSize() == 1;
            int where = at > 0 ? at : line(e);
            out.add(bold ? SourceLine.heading(where, text, 3) : SourceLine.text(where, text));
        }
        run.setLength(0);
    }

    /** A data table gives its rows; a layout table (one with tables inside) is read cell by cell as blocks. */
    private void table(Element table) {
        if (table.select("table").size() > 1) {
            for (Element cell : table.select("td, th")) {
                if (cell.closest("table") == table) {
                    block(cell);
                }
            }
            return;
        }
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            List<Element> cells = cells(tr);
            List<String> texts = new ArrayList<>();
            boolean image = false;
            for (Element c : cells) {
                texts.add(clean(c.text()));
                image |= !c.select("img").isEmpty() && clean(c.text()).isEmpty();
            }
            if (image && texts.stream().allMatch(String::isEmpty)) {
                out.add(SourceLine.image(line(tr), clean(tr.select("img").attr("alt"))));
            } else if (!texts.isEmpty()) {
                out.add(SourceLine.row(line(tr), texts));
            }
        }
    }

    private static List<Element> cells(Element tr) {
        return tr.children().stream().filter(c -> c.normalName().equals("td") || c.normalName().equals("th"))
                .toList();
    }

    /** Non-breaking spaces as spaces, runs of white space as one; trimmed, ideographic spaces at the ends too. */
    static String clean(String text) {
        String t = text.replace('\u00A0', ' ').replaceAll("[ \\t\\n\\r\\f\\u200B\\uFEFF]+", " ");
        return t.strip();
    }
}

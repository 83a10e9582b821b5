package org.govsite.output.write;

import org.jsoup.parser.Parser;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The quick pass of the self-check: the {@code href} and {@code src} attributes and the ids ({@code id}, {@code <a
 * name>}) of an HTML page, read from its start tags without building a document. Comments, doctypes and end tags are
 * skipped, and so is the text of the elements whose content is not markup ({@code script}, {@code style},
 * {@code textarea}, {@code title} …), so that it never sees an id a browser would not. Attribute names are compared
 * without case and values are unescaped as jsoup does. It may see a reference that a full parse would not (in
 * malformed markup); the link checker then falls back to jsoup, so that is only a cost. Stateless and thread-safe.
 */
final class TagScanner {
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "iframe",
            "noembed", "noframes", "plaintext");

    private TagScanner() {
    }

    /** The ids of a page. */
    record Result(Set<String> ids) {
    }

    /**
     * Reads a page.
     *
     * @param links called with the attribute name ({@code href} or {@code src}) and value of each reference
     */
    static Result scan(String html, BiConsumer<String, String> links) {
        Set<String> ids = new HashSet<>();
        int n = html.length();
        int i = 0;
        while ((i = html.indexOf('<', i)) >= 0 && i + 1 < n) {
            char c = html.charAt(i + 1);
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            if (!isLetter(c)) {
                int end = html.indexOf('>', i + 1); // an end tag, a doctype, a processing instruction
                i = end < 0 ? n : end + 1;
                continue;
            }
            int p = i + 1;
            while (p < n && !isSpace(html.charAt(p)) && html.charAt(p) != '>' && html.charAt(p) != '/') {
                p++;
            }
            String tag = html.substring(i + 1, p).toLowerCase(Locale.ROOT);
            Set<String> seen = new HashSet<>(4);
            while (p < n) {
                char ch = html.charAt(p);
                if (ch == '>') {
                    p++;
                    break;
                }
                if (isSpace(ch) || ch == '/') {
                    p++;
                    continue;
                }
                int nameStart = p;
                p++; // a name may start with '='
                while (p < n && !isSpace(html.charAt(p)) && "/>=".indexOf(html.charAt(p)) < 0) {
                    p++;
                }
                String name = html.substring(nameStart, p).toLowerCase(Locale.ROOT);
                while (p < n && isSpace(html.charAt(p))) {
                    p++;
                }
                String value = "";
                if (p < n && html.charAt(p) == '=') {
                    p++;
                    while (p < n && isSpace(html.charAt(p))) {
                        p++;
                    }
                    if (p < n && (html.charAt(p) == '"' || html.charAt(p) == '\'')) {
                        char q = html.charAt(p);
                        int end = html.indexOf(q, p + 1);
                        end = end < 0 ? n : end;
                        value = html.substring(p + 1, end);
                        p = Math.min(n, end + 1);
                    } else {
                        int start = p;
                        while (p < n && !isSpace(html.charAt(p)) && html.charAt(p) != '>') {
                            p++;
                        }
                        value = html.substring(start, p);
                    }
                    if (value.indexOf('&') >= 0) {
                        value = Parser.unescapeEntities(value, true);
                    }
                }
                if (!seen.add(name)) {
                    continue; // a repeated attribute: the first one counts
                }
                switch (name) {
                    case "href", "src" -> links.accept(name, value);
                    case "id" -> ids.add(value);
                    case "name" -> {
                        if (tag.equals("a")) {
                            ids.add(value);
                        }
                    }
                    default -> {
                    }
                }
            }
            i = p;
            if (RAW_TEXT.contains(tag)) {
                int end = indexOfIgnoreCase(html, "</" + tag, i);
                i = end < 0 ? n : end;
            }
        }
        return new Result(ids);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int i = from; i + what.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }
}

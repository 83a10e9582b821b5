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
            int seen = 0; // the attributes that count, by their bit: a repeated one is ignored
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
                int name = name(html, nameStart, p);
                while (p < n && isSpace(html.charAt(p))) {
                    p++;
                }
                int valueStart = p;
                int valueEnd = p;
                if (p < n && html.charAt(p) == '=') {
                    p++;
                    while (p < n && isSpace(html.charAt(p))) {
                        p++;
                    }
                    if (p < n && (html.charAt(p) == '"' || html.charAt(p) == '\'')) {
                        char q = html.charAt(p);
                        int end = html.indexOf(q, p + 1);
                        end = end < 0 ? n : end;
                        valueStart = p + 1;
                        valueEnd = end;
                        p = Math.min(n, end + 1);
                    } else {
                        valueStart = p;
                        while (p < n && !isSpace(html.charAt(p)) && html.charAt(p) != '>') {
                            p++;
                        }
                        valueEnd = p;
                    }
                }
                if (name == OTHER || (seen & name) != 0) {
                    continue; // not a reference or an id, or a repeated attribute: the first one counts
                }
                seen |= name;
                if (name == NAME && !tag.equals("a")) {
                    continue;
                }
                String value = value(html, valueStart, valueEnd);
                switch (name) {
                    case HREF -> links.accept("href", value);
                    case SRC -> links.accept("src", value);
                    default -> ids.add(value); // id, or the name of an a
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

    /** The attributes that count, one bit each; {@link #OTHER} for the rest. */
    private static final int OTHER = 0;
    private static final int HREF = 1;
    private static final int SRC = 2;
    private static final int ID = 4;
    private static final int NAME = 8;

    /**
     * Which attribute {@code html[from, to)} names, its case ignored as {@code toLowerCase(Locale.ROOT)} does for
     * these four names (no other character than the ASCII letters lowers to theirs), without making a string.
     */
    private static int name(String html, int from, int to) {
        return switch (to - from) {
            case 2 -> is(html, from, "id") ? ID : OTHER;
            case 3 -> is(html, from, "src") ? SRC : OTHER;
            case 4 -> is(html, from, "href") ? HREF : is(html, from, "name") ? NAME : OTHER;
            default -> OTHER;
        };
    }

    /** {@code html} has {@code lower} (lower-case ASCII letters) at {@code from}, in either case. */
    private static boolean is(String html, int from, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            char c = html.charAt(from + k);
            char l = lower.charAt(k);
            if (c != l && c != l - ('a' - 'A')) {
                return false;
            }
        }
        return true;
    }

    /** An attribute's value, unescaped as jsoup does. */
    private static String value(String html, int from, int to) {
        String value = html.substring(from, to);
        return value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, true) : value;
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

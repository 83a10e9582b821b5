package org.govsite.load;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The one Markdown dialect of narratives: CommonMark plus GFM tables, raw HTML escaped, HTML comments dropped. Immutable, thread-safe. */
public final class Markdown {
    /** Parser and renderer options, shared so that both stages agree. */
    public static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
            .set(HtmlRenderer.ESCAPE_HTML, true)
            // HTML comments (new-year's guidance under each heading) are dropped, never shown as text
            .set(HtmlRenderer.SUPPRESS_HTML_COMMENT_BLOCKS, true)
            .set(HtmlRenderer.SUPPRESS_INLINE_HTML_COMMENTS, true)
            .set(HtmlRenderer.SOFT_BREAK, "")
            .set(HtmlRenderer.GENERATE_HEADER_ID, false)
            .set(TablesExtension.WITH_CAPTION, false)
            .toImmutable();

    public static final Parser PARSER = Parser.builder(OPTIONS).build();

    /** Containers (block quotes, list items) nested on one line, counting two columns of indent as one level. */
    public static final int MAX_DEPTH = 32;
    /** A line of only '-', '*', '_' and blanks: Flexmark matches it with a regex that recurses per character. */
    public static final int MAX_RULE_LINE = 500;
    /** Any line; a paragraph of a report is far shorter. */
    public static final int MAX_LINE = 20_000;

    /** Where a narrative exceeds what Flexmark parses and renders safely, with the message key and argument. */
    public record Excess(int line, int column, String key, int limit) {
    }

    private Markdown() {
    }

    /**
     * The first line that nests deeper or runs longer than the limits above, which keep parsing and rendering far
     * from exhausting a thread's stack (issue 13: a line of 3,000 dashes, or a 1,000-deep block quote, crashed the
     * build). Runs before Flexmark sees the text, the same in check and generate.
     */
    public static java.util.Optional<Excess> excess(String markdown) {
        int lineNo = 0;
        int start = 0;
        int n = markdown.length();
        while (start <= n) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            lineNo++;
            int length = end - start;
            if (length > MAX_LINE) {
                return java.util.Optional.of(new Excess(lineNo, MAX_LINE + 1, "M1.markdownLine", MAX_LINE));
            }
            boolean ruleOnly = length > MAX_RULE_LINE;
            for (int i = start; i < end && ruleOnly; i++) {
                char c = markdown.charAt(i);
                ruleOnly = c == '-' || c == '*' || c == '_' || c == ' ' || c == '\t' || c == '\r';
            }
            if (ruleOnly) {
                return java.util.Optional.of(new Excess(lineNo, 1, "M1.markdownRule", MAX_RULE_LINE));
            }
            int depth = 0;
            int indent = 0;
            int i = start;
            while (i < end) {
                char c = markdown.charAt(i);
                if (c == ' ') {
                    indent++;
                    i++;
                } else if (c == '\t') {
                    indent += 4;
                    i++;
                } else if (c == '>') {
                    depth++;
                    i++;
                } else if ((c == '-' || c == '*' || c == '+') && (i + 1 == end || markdown.charAt(i + 1) == ' '
                        || markdown.charAt(i + 1) == '\t')) {
                    depth++;
                    i++;
                } else if (c >= '0' && c <= '9') {
                    int j = i;
                    while (j < end && j - i < 10 && markdown.charAt(j) >= '0' && markdown.charAt(j) <= '9') {
                        j++;
                    }
                    if (j < end && (markdown.charAt(j) == '.' || markdown.charAt(j) == ')')
                            && (j + 1 == end || markdown.charAt(j + 1) == ' ')) {
                        depth++;
                        i = j + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
                if (depth + indent / 2 > MAX_DEPTH) {
                    return java.util.Optional.of(new Excess(lineNo, i - start, "M1.markdownDepth", MAX_DEPTH));
                }
            }
            start = end + 1;
        }
        return java.util.Optional.empty();
    }

    /** The deepest nesting of blocks and inlines a narrative may have; deeper is a finding, never rendered. */
    public static final int MAX_TREE_DEPTH = 100;
    /**
     * Parses a narrative, or empty when it is too complex to parse: flexmark's regular expressions recurse once per
     * repeated character, so a line of ten thousand list markers or asterisks overflows the stack. The overflow
     * unwinds only this parse (no state is shared), and the caller reports it as a finding.
     */
    public static Optional<Document> parse(String markdown) {
        try {
            return Optional.of(PARSER.parse(markdown));
        } catch (StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** The first node nested deeper than {@link #MAX_TREE_DEPTH}, walked without recursion; empty when none is. */
    public static Optional<Node> tooDeep(Document doc) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(doc);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_TREE_DEPTH) {
                return Optional.of(n);
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                nodes.push(c);
                depths.push(depth + 1);
            }
        }
        return Optional.empty();
    }

    /** Line numbers of character offsets, from an index of line starts: flexmark's own is linear per call. */
    public static final class Lines {
        private final int[] starts;

        public Lines(String text) {
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            starts = new int[count];
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts[n++] = i + 1;
                }
            }
        }

        /** The 1-based line of a character offset. */
        public int line(int offset) {
            int at = Arrays.binarySearch(starts, offset);
            return at >= 0 ? at + 1 : -at - 1;
        }

        /** The 1-based column of a character offset on its line. */
        public int column(int offset) {
            return offset - starts[line(offset) - 1] + 1;
        }

        /** The 1-based line that has the most characters, in a text of {@code length} characters. */
        public int longest(int length) {
            int best = 0;
            int bestLength = -1;
            for (int i = 0; i < starts.length; i++) {
                int end = i + 1 < starts.length ? starts[i + 1] : length;
                if (end - starts[i] > bestLength) {
                    bestLength = end - starts[i];
                    best = i;
                }
            }
            return best + 1;
        }
    }
}

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

    private Markdown() {
    }

    /** The deepest nesting of blocks and inlines a narrative may have; deeper is a finding, never rendered. */
    public static final int MAX_DEPTH = 100;
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

    /** The first node nested deeper than {@link #MAX_DEPTH}, walked without recursion; empty when none is. */
    public static Optional<Node> tooDeep(Document doc) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(doc);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) {
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

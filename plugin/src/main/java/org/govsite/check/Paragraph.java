package org.govsite.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One paragraph of a narrative as R8 reads it: its lines joined without their leading blanks (a Chinese sentence
 * broken over two lines reads on), full-width digits read as half-width and the ideographic space as a space. Each
 * character keeps the line and column it came from, so a finding points into report.md.
 *
 * <p>A blank line ends a paragraph. A heading, a table row, a quote, a list item or a fence line starts one, and a
 * heading or table row is a paragraph of its own.
 */
record Paragraph(String text, int[] lines, int[] columns) {
    private static final Pattern STARTS_BLOCK = Pattern.compile(" {0,3}(#|\\||>|[-*+]\\s|\\d{1,9}[.)]\\s|```|~~~).*");
    private static final Pattern STANDS_ALONE = Pattern.compile(" {0,3}(#|\\|).*");

    int line(int index) {
        return lines[Math.min(index, lines.length - 1)];
    }

    int column(int index) {
        return columns[Math.min(index, columns.length - 1)];
    }

    static List<Paragraph> of(String markdown) {
        List<Paragraph> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        Builder current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                current = flush(current, out);
                continue;
            }
            boolean starts = STARTS_BLOCK.matcher(line).matches();
            if (starts) {
                current = flush(current, out);
            }
            if (current == null) {
                current = new Builder();
            }
            current.add(line, i + 1);
            if (STANDS_ALONE.matcher(line).matches()) {
                current = flush(current, out);
            }
        }
        flush(current, out);
        return out;
    }

    private static Builder flush(Builder b, List<Paragraph> out) {
        if (b != null && b.text.length() > 0) {
            out.add(b.build());
        }
        return null;
    }

    private static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<int[]> at = new ArrayList<>();

        void add(String line, int lineNo) {
            int start = 0;
            while (start < line.length() && Character.isWhitespace(line.charAt(start)) || start < line.length()
                    && line.charAt(start) == '\u3000') {
                start++;
            }
            int column = line.codePointCount(0, start) + 1;
            for (int i = start; i < line.length(); i++) {
                char c = line.charAt(i);
                text.append(normal(c));
                at.add(new int[] {lineNo, column});
                if (!Character.isHighSurrogate(c)) {
                    column++;
                }
            }
        }

        Paragraph build() {
            int[] lines = new int[at.size()];
            int[] columns = new int[at.size()];
            for (int i = 0; i < at.size(); i++) {
                lines[i] = at.get(i)[0];
                columns[i] = at.get(i)[1];
            }
            return new Paragraph(text.toString(), lines, columns);
        }

        private static char normal(char c) {
            if (c >= '\uff10' && c <= '\uff19') {
                return (char) ('0' + (c - '\uff10'));
            }
            return c == '\u3000' ? ' ' : c;
        }
    }
}

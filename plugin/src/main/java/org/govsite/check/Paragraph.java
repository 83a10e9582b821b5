package org.govsite.check;

import java.util.ArrayList;
import java.util.Arrays;
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
        /** The line and column of each character of {@code text}. */
        private int[] lines = new int[256];
        private int[] columns = new int[256];

        void add(String line, int lineNo) {
            int start = 0;
            while (start < line.length() && Character.isWhitespace(line.charAt(start)) || start < line.length()
                    && line.charAt(start) == '\u3000') {
                start++;
            }
            int column = line.codePointCount(0, start) + 1;
            for (int i = start; i < line.length(); i++) {
                char c = line.charAt(i);
                int n = text.length();
                if (n == lines.length) {
                    lines = Arrays.copyOf(lines, 2 * n);
                    columns = Arrays.copyOf(columns, 2 * n);
                }
                lines[n] = lineNo;
                columns[n] = column;
                text.append(normal(c));
                if (!Character.isHighSurrogate(c)) {
                    column++;
                }
            }
        }

        Paragraph build() {
            int n = text.length();
            return new Paragraph(text.toString(), Arrays.copyOf(lines, n), Arrays.copyOf(columns, n));
        }

        private static char normal(char c) {
            if (c >= '\uff10' && c <= '\uff19') {
                return (char) ('0' + (c - '\uff10'));
            }
            return c == '\u3000' ? ' ' : c;
        }
    }
}

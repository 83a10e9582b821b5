package org.govsite.output.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the header rows and bodies of an official table as HTML. A table 三 has some 200 cells, each with its
 * headers: written here in one pass rather than cell by cell through the template engine, which made up most of a
 * report page's rendering time. The template keeps the frame (region, caption).
 *
 * <p>Besides the H43 structure ({@code id}, {@code headers}, {@code scope}), cells carry classes that let the
 * stylesheet lay out a wide table on a phone without changing that structure: in a table with a row-header tree (the
 * one with a corner cell, such as table 三) a row header gets {@code gs-rh} and {@code gs-rh-N} for the row-header column it starts in
 * (1 to 3) and {@code gs-rh-group} when it heads other rows; the cells of a last column that is a 总计 get
 * {@code gs-pin-end}. The stylesheet keeps the row headers and that column in view while the others scroll.
 */
public final class TableHtml {
    private static final int MAX_LEVEL = 3;

    private TableHtml() {
    }

    /** How many columns the table has. */
    static int columns(TableView t) {
        return Layout.of(t).width();
    }

    /** The {@code thead} (if any) and every {@code tbody} of the table. */
    public static String rows(TableView t) {
        Layout layout = Layout.of(t);
        StringBuilder out = new StringBuilder(16_384);
        if (!t.head().isEmpty()) {
            out.append("\n    <thead>\n");
            int[] starts = layout.head;
            int i = 0;
            for (TableView.Row r : t.head()) {
                i = row(r, starts, i, layout, out);
            }
            out.append("    </thead>");
        }
        int b = 0;
        for (TableView.Body body : t.bodies()) {
            out.append("\n    <tbody>\n");
            int[] starts = layout.bodies.get(b++);
            int i = 0;
            for (TableView.Row r : body.rows()) {
                i = row(r, starts, i, layout, out);
            }
            out.append("    </tbody>");
        }
        out.append('\n');
        return out.toString();
    }

    private static int row(TableView.Row r, int[] starts, int index, Layout layout, StringBuilder out) {
        out.append("      <tr>");
        int i = index;
        for (TableView.ViewCell c : r.cells()) {
            int start = starts[i++];
            if (c.isHeader()) {
                out.append("<th");
                attr(out, "id", c.id());
                attr(out, "scope", c.scope());
                attr(out, "class", layout.headerClass(c, start));
            } else {
                out.append("<td");
                String cls = "corner".equals(c.kind()) ? "gs-corner"
                        : "blank".equals(c.kind()) ? "gs-num gs-blank"
                        : "na".equals(c.kind()) ? "gs-num gs-na" : "gs-num";
                attr(out, "class", layout.pinned(c, start) ? cls + " gs-pin-end" : cls);
                attr(out, "headers", c.headers());
            }
            if (c.rowspan() > 1) {
                attr(out, "rowspan", Integer.toString(c.rowspan()));
            }
            if (c.colspan() > 1) {
                attr(out, "colspan", Integer.toString(c.colspan()));
            }
            out.append('>');
            if ("blank".equals(c.kind())) {
                out.append("<span class=\"gs-vh\">");
                escape(out, c.text());
                out.append("</span>");
            } else if ("na".equals(c.kind())) {
                out.append("/<span class=\"gs-vh\">");
                escape(out, c.text());
                out.append("</span>");
            } else {
                escape(out, c.text());
            }
            out.append(c.isHeader() ? "</th>" : "</td>");
        }
        out.append("</tr>\n");
        return i;
    }

    /**
     * Where each cell sits in the table's grid (its first column, counting rowspans from the rows above), and what
     * that means for the narrow-screen layout.
     *
     * @param head     the first column of each cell of the {@code thead}, in document order
     * @param bodies   the same for each {@code tbody}
     * @param rowTree  whether the table has a tree of row headers (a corner cell), as table 三
     * @param labels   how many columns its row headers take
     * @param pinEnd   whether its last column is a 总计, kept in view on a narrow screen
     */
    private record Layout(int[] head, List<int[]> bodies, int width, boolean rowTree, int labels, boolean pinEnd) {
        static Layout of(TableView t) {
            int[] width = {0};
            int[] head = starts(t.head(), width);
            List<int[]> bodies = new ArrayList<>();
            for (TableView.Body b : t.bodies()) {
                bodies.add(starts(b.rows(), width));
            }
            boolean rowTree = false;
            for (TableView.Row r : t.head()) {
                for (TableView.ViewCell c : r.cells()) {
                    rowTree |= "corner".equals(c.kind());
                }
            }
            int labels = 0;
            int b = 0;
            for (TableView.Body body : t.bodies()) {
                int[] starts = bodies.get(b++);
                int i = 0;
                for (TableView.Row r : body.rows()) {
                    for (TableView.ViewCell c : r.cells()) {
                        int start = starts[i++];
                        if (c.isHeader() && "row".equals(c.scope())) {
                            labels = Math.max(labels, start + c.colspan());
                        }
                    }
                }
            }
            boolean pinEnd = false;
            int i = 0;
            for (TableView.Row r : t.head()) {
                for (TableView.ViewCell c : r.cells()) {
                    int start = head[i++];
                    if (c.isHeader() && c.colspan() == 1 && start == width[0] - 1 && c.id() != null
                            && c.id().endsWith("-total")) {
                        pinEnd = true;
                    }
                }
            }
            return new Layout(head, bodies, width[0], rowTree, labels, rowTree && pinEnd && labels <= MAX_LEVEL);
        }

        /** The first column of every cell of these rows, in document order; widens {@code width} to fit them. */
        private static int[] starts(List<TableView.Row> rows, int[] width) {
            int count = rows.stream().mapToInt(r -> r.cells().size()).sum();
            int[] out = new int[count];
            int[] pending = new int[0];
            int i = 0;
            for (TableView.Row r : rows) {
                int col = 0;
                for (TableView.ViewCell c : r.cells()) {
                    while (col < pending.length && pending[col] > 0) {
                        col++;
                    }
                    out[i++] = col;
                    if (col + c.colspan() > pending.length) {
                        pending = java.util.Arrays.copyOf(pending, col + c.colspan());
                    }
                    for (int k = col; k < col + c.colspan(); k++) {
                        pending[k] = c.rowspan();
                    }
                    col += c.colspan();
                }
                for (int k = 0; k < pending.length; k++) {
                    if (pending[k] > 0) {
                        pending[k]--;
                    }
                }
                width[0] = Math.max(width[0], pending.length);
            }
            return out;
        }

        String headerClass(TableView.ViewCell c, int start) {
            if (pinned(c, start)) {
                return "gs-pin-end";
            }
            if (!rowTree || !"row".equals(c.scope()) || labels > MAX_LEVEL) {
                return null;
            }
            String level = "gs-rh gs-rh-" + (start + 1);
            return start + c.colspan() < labels ? level + " gs-rh-group" : level;
        }

        boolean pinned(TableView.ViewCell c, int start) {
            return pinEnd && c.colspan() == 1 && start == width - 1;
        }
    }

    private static void attr(StringBuilder out, String name, String value) {
        if (value == null) {
            return;
        }
        out.append(' ').append(name).append("=\"");
        escape(out, value);
        out.append('"');
    }

    /** Escapes text for an element's content or a double-quoted attribute. */
    static void escape(StringBuilder out, String text) {
        if (text == null) {
            return;
        }
        int plain = 0; // the start of the run of characters that need no escape
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (entity != null) {
                out.append(text, plain, i).append(entity);
                plain = i + 1;
            }
        }
        out.append(text, plain, text.length());
    }
}

package org.govsite.output.render;

/**
 * Writes the header rows and bodies of an official table as HTML. A table 三 has some 200 cells, each with its
 * headers: written here in one pass rather than cell by cell through the template engine, which made up most of a
 * report page's rendering time. The template keeps the frame (region, caption).
 */
public final class TableHtml {
    private TableHtml() {
    }

    /** The {@code thead} (if any) and every {@code tbody} of the table. */
    public static String rows(TableView t) {
        StringBuilder out = new StringBuilder(16_384);
        if (!t.head().isEmpty()) {
            out.append("\n    <thead>\n");
            for (TableView.Row r : t.head()) {
                row(r, out);
            }
            out.append("    </thead>");
        }
        for (TableView.Body b : t.bodies()) {
            out.append("\n    <tbody>\n");
            for (TableView.Row r : b.rows()) {
                row(r, out);
            }
            out.append("    </tbody>");
        }
        out.append('\n');
        return out.toString();
    }

    private static void row(TableView.Row r, StringBuilder out) {
        out.append("      <tr>");
        for (TableView.ViewCell c : r.cells()) {
            if (c.isHeader()) {
                out.append("<th");
                attr(out, "id", c.id());
                attr(out, "scope", c.scope());
            } else {
                out.append("<td");
                attr(out, "class", "corner".equals(c.kind()) ? "gs-corner" : "gs-num");
                attr(out, "headers", c.headers());
            }
            if (c.rowspan() > 1) {
                attr(out, "rowspan", Integer.toString(c.rowspan()));
            }
            if (c.colspan() > 1) {
                attr(out, "colspan", Integer.toString(c.colspan()));
            }
            out.append('>');
            escape(out, c.text());
            out.append(c.isHeader() ? "</th>" : "</td>");
        }
        out.append("</tr>\n");
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
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
    }
}

package org.govsite.output.render;

import java.util.List;

/**
 * An official table ready for a template: header rows and body groups of cells with their spans, ids and the
 * {@code headers} of every data cell (WCAG technique H43). Ids derive from the format definition, so they are
 * stable across builds.
 */
public record TableView(String id, String number, String caption, String note, List<Row> head, List<Body> bodies) {
    public TableView {
        head = List.copyOf(head);
        bodies = List.copyOf(bodies);
    }

    public String captionId() {
        return id + "-caption";
    }

    /** The header rows and bodies as HTML, text escaped (see {@link TableHtml}). */
    public String rowsHtml() {
        return TableHtml.rows(this);
    }

    /** Whether the table is wider than a phone's screen (more than six columns): its caption then says it scrolls. */
    public boolean wide() {
        return TableHtml.columns(this) > 6;
    }

    /** A {@code tbody}. */
    public record Body(List<Row> rows) {
        public Body {
            rows = List.copyOf(rows);
        }
    }

    public record Row(List<ViewCell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One cell. {@code kind} is {@code th} (a header), {@code td} (a value), {@code blank} (a value left blank as
     * published, its text for screen readers only), {@code na} ("/" as published, its text for screen readers) or
     * {@code corner} (the td in the corner).
     *
     * @param scope   {@code col} or {@code row} (a spanning header covers every column or row it spans), or {@code null}
     * @param headers the ids of every header of a value cell, space-separated; {@code null} for headers
     * @param numeric right-aligned with tabular figures
     */
    public record ViewCell(String kind, String text, String id, String scope, String headers, int rowspan,
                           int colspan, boolean numeric) {
        public boolean isHeader() {
            return "th".equals(kind);
        }

        public Integer rowspanOrNull() {
            return rowspan > 1 ? rowspan : null;
        }

        public Integer colspanOrNull() {
            return colspan > 1 ? colspan : null;
        }
    }
}

package org.govsite.importer;

import java.util.List;

/**
 * One line of a source as the importer reads it: a paragraph, a heading, a table row (its cells, in order) or an
 * image. Every source (text, HTML, .docx, PDF) is turned into these lines first, so that recognition is the same for
 * all of them.
 *
 * @param line  where it is in the source, 1-based (for a .docx or a PDF: the paragraph or text line number)
 * @param kind  what it is
 * @param cells the text: one cell for a paragraph, heading or image (its alternative text); the cells of a row
 * @param level for a heading, 1–6 (an HTML {@code h1}…{@code h6}, a Word heading style; 3 for bold-only text)
 */
public record SourceLine(int line, Kind kind, List<String> cells, int level) {
    /** What a line is. */
    public enum Kind {
        /** A paragraph of text. In a plain text source also a table row: its cells are split by tabs. */
        TEXT,
        /** A heading (HTML h1–h6, a Word heading, a paragraph that is only bold text). */
        HEADING,
        /** A row of a table, cell by cell, as the source laid it out. */
        ROW,
        /** An image: a table published as a picture cannot be read. */
        IMAGE
    }

    public SourceLine {
        cells = List.copyOf(cells);
    }

    public static SourceLine text(int line, String text) {
        return new SourceLine(line, Kind.TEXT, List.of(text), 0);
    }

    public static SourceLine heading(int line, String text, int level) {
        return new SourceLine(line, Kind.HEADING, List.of(text), level);
    }

    public static SourceLine row(int line, List<String> cells) {
        return new SourceLine(line, Kind.ROW, cells, 0);
    }

    public static SourceLine image(int line, String alt) {
        return new SourceLine(line, Kind.IMAGE, List.of(alt), 0);
    }

    /** The text of a paragraph or heading; the cells joined by a tab for a row. */
    public String text() {
        return String.join("\t", cells);
    }
}

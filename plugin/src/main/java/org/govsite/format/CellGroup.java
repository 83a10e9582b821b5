package org.govsite.format;

import java.util.Arrays;

/**
 * The cells under a row (or row group) and a column (or column group) of one table, resolved once when the format is
 * read: their positions in {@link TableDef#cells()}. Every reference of a format (rules, key figures, narrative
 * statements) is one of these, so checking a report never looks a cell up by name.
 */
public final class CellGroup {
    private final Header row;
    private final Header column;
    private final int[] cells;

    CellGroup(Header row, Header column, int[] cells) {
        this.row = row;
        this.column = column;
        this.cells = cells.clone();
    }

    public Header row() {
        return row;
    }

    public Header column() {
        return column;
    }

    /** The number of cells. */
    public int size() {
        return cells.length;
    }

    /** The index in {@link TableDef#cells()} of the {@code i}-th cell, in document order. */
    public int cell(int i) {
        return cells[i];
    }

    @Override
    public String toString() {
        return "CellGroup[" + row.path() + " × " + column.key() + " " + Arrays.toString(cells) + "]";
    }
}

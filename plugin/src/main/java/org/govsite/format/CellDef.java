package org.govsite.format;

/**
 * One value cell of a table: where it sits in the row and column trees.
 *
 * @param index  its position in {@link TableDef#cells()}, also the index of its value in a report
 * @param row    the leaf row header (for blocks, its path includes the block key)
 * @param column the leaf column header
 * @param block  the block it belongs to, or {@code null} outside table 二
 */
public record CellDef(int index, Header row, Header column, Block block) {
    public ValueKind kind() {
        return column.kind();
    }

    /** A readable address, e.g. {@code applications.new[total]}. */
    public String address(String tableKey) {
        return tableKey + "." + row.path() + "[" + column.key() + "]";
    }
}

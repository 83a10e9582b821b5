package org.govsite.format;

/**
 * A figure shown in lists and compared across years: one cell, or the sum of a row group's cells in one column.
 *
 * @param cells the cells it sums, resolved when the format is read
 */
public record KeyFigureDef(String key, String label, String table, String row, String column, CellGroup cells) {
}

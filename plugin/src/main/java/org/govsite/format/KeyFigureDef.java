package org.govsite.format;

/**
 * A figure shown in lists and compared across years: one cell, or the sum of a row group's cells in one column.
 */
public record KeyFigureDef(String key, String label, String table, String row, String column) {
}

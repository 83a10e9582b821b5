package org.govsite.format;

import java.util.Locale;

/** How a table is laid out in the official document. */
public enum Layout {
    /** Table 二: blocks, each with a label row, its own column headers and rows (第二十条第（一）项 …). */
    BLOCKS,
    /** Table 三: a row-header tree against a column-header tree. */
    MATRIX,
    /** Table 四: the row groups are laid out side by side as column groups, in one row of numbers. */
    SPREAD;

    public static Layout parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}

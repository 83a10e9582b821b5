package org.govsite.format;

import java.util.List;
import java.util.Locale;

/**
 * An equation between the cells of one table: Σ left = Σ right, for each column or for each row.
 * A reference names a row path (when {@code each} is COLUMN) or a column key (when ROW); a group stands for the sum
 * of its leaves. The references are resolved when the format is read: {@link #instances()} holds, for every position
 * where both sides exist, the cells of each reference.
 */
public record RuleDef(String code, String table, Each each, List<String> left, List<String> right,
                      List<Instance> instances) {
    public RuleDef {
        left = List.copyOf(left);
        right = List.copyOf(right);
        instances = List.copyOf(instances);
    }

    /** The equation at one position (a leaf column for each = COLUMN, a leaf row for ROW). */
    public record Instance(Header position, List<CellGroup> left, List<CellGroup> right) {
        public Instance {
            left = List.copyOf(left);
            right = List.copyOf(right);
        }
    }

    /** Whether the equation is repeated for every column or for every row. */
    public enum Each {
        COLUMN, ROW;

        public static Each parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }

        /** The header a reference names in a group of cells: its row for COLUMN, its column for ROW. */
        public Header reference(CellGroup group) {
            return this == COLUMN ? group.row() : group.column();
        }
    }
}

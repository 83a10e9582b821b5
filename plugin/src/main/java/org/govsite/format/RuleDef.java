package org.govsite.format;

import java.util.List;
import java.util.Locale;

/**
 * An equation between the cells of one table: Σ left = Σ right, for each column or for each row.
 * A reference names a row path (when {@code each} is COLUMN) or a column key (when ROW); a group stands for the sum
 * of its leaves.
 */
public record RuleDef(String code, String table, Each each, List<String> left, List<String> right) {
    public RuleDef {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** Whether the equation is repeated for every column or for every row. */
    public enum Each {
        COLUMN, ROW;

        public static Each parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }
}

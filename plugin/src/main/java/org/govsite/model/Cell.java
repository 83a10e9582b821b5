package org.govsite.model;

import java.math.BigDecimal;

/**
 * One value as typed in the YAML.
 *
 * @param unit the unit typed with the value (元, 万元), or empty
 * @param pos  where it was typed; {@link SourcePos#NONE} for a value the build made (a sum)
 */
public record Cell(BigDecimal value, String unit, SourcePos pos) {
    public int line() {
        return pos.line();
    }

    public int column() {
        return pos.column();
    }
}

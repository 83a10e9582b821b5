package org.govsite.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One cell as typed in the YAML: a number, or blank or "/" as published.
 *
 * @param state what the cell holds
 * @param value the number; {@code null} unless {@code state} is {@link CellState#NUMBER} (a blank is never 0)
 * @param unit  the unit typed with the value (元, 万元), or empty
 * @param pos   where it was typed; {@link SourcePos#NONE} for a value the build made (a sum)
 */
public record Cell(CellState state, BigDecimal value, String unit, SourcePos pos) {
    public Cell {
        Objects.requireNonNull(state);
        if ((state == CellState.NUMBER) != (value != null)) {
            throw new IllegalArgumentException(state + " with value " + value);
        }
    }

    /** A number. */
    public Cell(BigDecimal value, String unit, SourcePos pos) {
        this(CellState.NUMBER, Objects.requireNonNull(value), unit, pos);
    }

    /** A cell left blank as published. */
    public static Cell blank(SourcePos pos) {
        return new Cell(CellState.BLANK, null, "", pos);
    }

    /** A cell published as "/" (不适用). */
    public static Cell notApplicable(SourcePos pos) {
        return new Cell(CellState.NOT_APPLICABLE, null, "", pos);
    }

    public boolean isNumber() {
        return state == CellState.NUMBER;
    }

    public int line() {
        return pos.line();
    }

    public int column() {
        return pos.column();
    }
}

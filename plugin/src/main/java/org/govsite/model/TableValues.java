package org.govsite.model;

import org.govsite.format.CellDef;
import org.govsite.format.CellGroup;
import org.govsite.format.Header;
import org.govsite.format.TableDef;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The values of one table of one report, by the cells of its definition. A cell may be missing (a finding when it was
 * read), or blank or "/" as published ({@link CellState}).
 */
public final class TableValues {
    private final TableDef def;
    private final Cell[] cells;
    private final int line;

    /**
     * @param cells one entry per {@link TableDef#cells()}, {@code null} where the value is missing
     * @param line  the line of the table's key in the YAML
     */
    public TableValues(TableDef def, Cell[] cells, int line) {
        if (cells.length != def.cells().size()) {
            throw new IllegalArgumentException("expected " + def.cells().size() + " cells");
        }
        this.def = def;
        this.cells = Arrays.copyOf(cells, cells.length);
        this.line = line;
    }

    public TableDef def() {
        return def;
    }

    public int line() {
        return line;
    }

    /** The cell as typed, with its {@link Cell#state()}; empty where it is missing. */
    public Optional<Cell> cell(CellDef cell) {
        return Optional.ofNullable(cells[cell.index()]);
    }

    /**
     * The cell at a leaf row and a leaf column, with its state; empty where it is missing or the table has no such
     * cell.
     */
    public Optional<Cell> cell(Header row, Header column) {
        return def.cell(row, column).flatMap(this::cell);
    }

    /**
     * The sum of a group of cells (a row group by a column group): the one function that adds cells up.
     *
     * @return empty when a cell of the group is missing, blank or "/" (a blank cell is never silently 0)
     */
    public Optional<Sum> sum(CellGroup group) {
        return sum(group, false);
    }

    /**
     * The sum of a group of cells where a blank or "/" counts as 0, as a published report means it; the sum says how
     * many it counted so ({@link Sum#blanks()}), for a finding that must say so.
     *
     * @return empty when a cell of the group is missing
     */
    public Optional<Sum> sumBlankAsZero(CellGroup group) {
        return sum(group, true);
    }

    private Optional<Sum> sum(CellGroup group, boolean blankAsZero) {
        BigDecimal total = BigDecimal.ZERO;
        Cell first = null;
        int blanks = 0;
        for (int i = 0; i < group.size(); i++) {
            Cell c = cells[group.cell(i)];
            if (c == null || (!c.isNumber() && !blankAsZero)) {
                return Optional.empty();
            }
            if (c.isNumber()) {
                total = total.add(c.value());
            } else {
                blanks++;
            }
            if (first == null || c.line() < first.line()) {
                first = c;
            }
        }
        return Optional.of(new Sum(total, first, blanks));
    }

    /**
     * A sum of cells.
     *
     * @param first  the cell that comes first in the file, for a finding about the sum
     * @param blanks how many cells were blank or "/" and counted as 0
     */
    public record Sum(BigDecimal value, Cell first, int blanks) {
        public Sum(BigDecimal value, Cell first) {
            this(value, first, 0);
        }
    }

    /** The value of a cell, or empty where it is missing, blank or "/". */
    public Optional<BigDecimal> value(CellDef cell) {
        return cell(cell).filter(Cell::isNumber).map(Cell::value);
    }

    /** Whether some cell is blank or "/" as published. */
    public boolean hasBlanks() {
        return Arrays.stream(cells).anyMatch(c -> c != null && !c.isNumber());
    }

    public boolean complete() {
        return Arrays.stream(cells).allMatch(c -> c != null);
    }
}

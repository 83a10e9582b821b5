package org.govsite.model;

import org.govsite.format.CellDef;
import org.govsite.format.Header;
import org.govsite.format.TableDef;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** The values of one table of one report, by the cells of its definition. A cell may be missing. */
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

    public Optional<Cell> cell(CellDef cell) {
        return Optional.ofNullable(cells[cell.index()]);
    }

    public Optional<Cell> cell(Header row, Header column) {
        return def.cell(row.path(), column.key()).flatMap(this::cell);
    }

    /** The value of a cell, or empty where it is missing. */
    public Optional<BigDecimal> value(CellDef cell) {
        return cell(cell).map(Cell::value);
    }

    public boolean complete() {
        return Arrays.stream(cells).allMatch(c -> c != null);
    }
}

package org.govsite.check;

import org.govsite.format.CellDef;
import org.govsite.format.FormatDefinition;
import org.govsite.format.TableDef;
import org.govsite.format.ValueKind;
import org.govsite.model.Agency;
import org.govsite.model.AgencyKind;
import org.govsite.model.Cell;
import org.govsite.model.Narrative;
import org.govsite.model.Report;
import org.govsite.model.SourcePos;
import org.govsite.model.ReportMeta;
import org.govsite.model.TableValues;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sum across agencies of every table of a year, cell by cell: running sums per year and per format, one
 * BigDecimal per cell of the format's tables, so memory stays the same however many reports stream past.
 *
 * <p>A cell missing from any report of the year stays missing in the sum (never counted as 0). A published record's
 * blank cell adds the value the rest of its table implies for it (a blank 总计: the sum of its row), or else 0, and the
 * year's total counts such records. Amounts that carry
 * their own unit (元, 万元, 亿元) are summed in the format's base unit (元).
 */
public final class YearSums {

    /** year → format id → running sums. */
    private final Map<Integer, Map<String, Running>> years = new TreeMap<>();

    private static final class Running {
        final FormatDefinition format;
        final Map<String, BigDecimal[]> sums = new TreeMap<>();
        final Map<String, boolean[]> missing = new TreeMap<>();
        int reports;
        int withBlanks;

        Running(FormatDefinition format) {
            this.format = format;
            for (TableDef t : format.tables()) {
                BigDecimal[] zero = new BigDecimal[t.cells().size()];
                Arrays.fill(zero, BigDecimal.ZERO);
                sums.put(t.key(), zero);
                missing.put(t.key(), new boolean[t.cells().size()]);
            }
        }
    }

    /**
     * The sum of one year's reports of one format.
     *
     * @param reports the number of reports summed
     * @param sum     a report of the sums: agency 合计, no narrative, one table per table of the format
     * @param withBlanks how many of the reports are published records with blank (or "/") cells, summed as the
     *                   value the rest of their table implies, or as 0: the year page says so
     */
    public record YearTotal(int year, FormatDefinition format, int reports, Report sum, int withBlanks) {
    }

    /**
     * What the sums need of one report: its year, its format and, per table of the format, each cell's value in the
     * format's base unit ({@code null} where the cell is missing). Much smaller than the report's tables (no labels,
     * units or source positions), so that an archive can keep one per published report.
     *
     * @param format empty for a report without a format (before 2019), which adds nothing
     * @param values per table of the format, in its order, one value per cell (by {@link CellDef#index()}); a
     *               published record's blank or "/" cell holds the value the rest of its table implies, or 0
     * @param blanks a published record with blank (or "/") cells: the year page says how many it sums
     */
    public record Cells(int year, Optional<FormatDefinition> format, BigDecimal[][] values, boolean blanks) {
        public static Cells of(Report report) {
            if (report.format().isEmpty()) {
                return new Cells(report.year(), Optional.empty(), new BigDecimal[0][], false);
            }
            FormatDefinition format = report.format().get();
            boolean blanks = report.tables().stream().anyMatch(TableValues::hasBlanks);
            Map<String, Map<Integer, BigDecimal>> implied = blanks ? TableRules.implied(report, format) : Map.of();
            BigDecimal[][] values = new BigDecimal[format.tables().size()][];
            for (int i = 0; i < values.length; i++) {
                TableDef t = format.tables().get(i);
                BigDecimal[] row = new BigDecimal[t.cells().size()];
                Optional<TableValues> table = report.table(t.key());
                for (CellDef c : t.cells()) {
                    Optional<Cell> cell = table.flatMap(v -> v.cell(c));
                    if (cell.isPresent() && cell.get().isNumber()) {
                        row[c.index()] = inBaseUnit(format, cell.get(), c.kind());
                    } else if (cell.isPresent()) {
                        row[c.index()] = implied.getOrDefault(t.key(), Map.of()).getOrDefault(c.index(),
                                BigDecimal.ZERO);
                    }
                }
                values[i] = row;
            }
            return new Cells(report.year(), Optional.of(format), values, blanks);
        }
    }

    /** Adds a report's tables; a report without a format (before 2019) has none to add. */
    public void add(Report report) {
        add(Cells.of(report));
    }

    /** Adds a report's cells, as {@link Cells#of} keeps them. */
    public void add(Cells cells) {
        if (cells.format().isEmpty()) {
            return;
        }
        FormatDefinition format = cells.format().get();
        Running run = years.computeIfAbsent(cells.year(), y -> new TreeMap<>())
                .computeIfAbsent(format.id(), id -> new Running(format));
        run.reports++;
        if (cells.blanks()) {
            run.withBlanks++;
        }
        for (int i = 0; i < format.tables().size(); i++) {
            TableDef t = format.tables().get(i);
            BigDecimal[] sums = run.sums.get(t.key());
            boolean[] missing = run.missing.get(t.key());
            BigDecimal[] values = cells.values()[i];
            for (CellDef c : t.cells()) {
                BigDecimal v = values[c.index()];
                if (v == null) {
                    missing[c.index()] = true;
                } else {
                    sums[c.index()] = sums[c.index()].add(v);
                }
            }
        }
    }

    /** An amount that carries its unit, in the format's base unit (万元 → 元); any other value as it is. */
    private static BigDecimal inBaseUnit(FormatDefinition format, Cell cell, ValueKind kind) {
        if (kind != ValueKind.AMOUNT_WITH_UNIT) {
            return cell.value();
        }
        return format.unit(cell.unit()).map(u -> cell.value().multiply(u.worth())).orElse(cell.value());
    }

    /** The years with sums, ascending. */
    public List<Integer> years() {
        return List.copyOf(years.keySet());
    }

    /** A year's sums, one per format (usually one), by format id. */
    public List<YearTotal> of(int year) {
        List<YearTotal> out = new ArrayList<>();
        for (Running run : years.getOrDefault(year, Map.of()).values()) {
            List<TableValues> tables = new ArrayList<>();
            for (TableDef t : run.format.tables()) {
                BigDecimal[] sums = run.sums.get(t.key());
                boolean[] missing = run.missing.get(t.key());
                Cell[] cells = new Cell[sums.length];
                for (CellDef c : t.cells()) {
                    if (!missing[c.index()]) {
                        cells[c.index()] = new Cell(sums[c.index()],
                                c.kind() == ValueKind.AMOUNT_WITH_UNIT ? run.format.units().get(0).name() : "",
                                SourcePos.NONE);
                    }
                }
                tables.add(new TableValues(t, cells, 0));
            }
            Agency agency = new Agency("sum", "合计", AgencyKind.GOVERNMENT, "", 0);
            ReportMeta meta = new ReportMeta(year, Optional.of(run.format.id()), year + "年合计", Optional.empty(),
                    "", Optional.empty(), false);
            Report sum = new Report(agency, meta, Optional.of(run.format), tables,
                    new Narrative("", List.of()), "", "");
            out.add(new YearTotal(year, run.format, run.reports, sum, run.withBlanks));
        }
        out.sort(Comparator.comparing(t -> t.format().id()));
        return out;
    }
}

package org.govsite.output.render;

import org.govsite.browser.SampleSite;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.output.PageText;
import org.govsite.format.TableDef;
import org.govsite.format.ValueKind;
import org.govsite.model.Cell;
import org.govsite.model.SourcePos;
import org.govsite.diagnostics.FailOn;
import org.govsite.model.TableValues;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official tables' headers are machine-readable (WCAG technique H43): every header is a th with a stable id,
 * every data cell's {@code headers} names exactly the headers that stand over it in its column(s) and before it in
 * its row(s), and every id it names exists in its table.
 */
class TableHeadersTest {

    /** Every table of every built-in format, laid out with zeros. */
    private static List<TableView> allTables() {
        List<TableView> out = new ArrayList<>();
        for (FormatDefinition format : FormatCatalog.builtIn().all()) {
            for (TableDef def : format.tables()) {
                out.add(TableViewBuilder.build(zeros(def), PageText.builtIn()));
            }
        }
        return out;
    }

    @Test
    void everyDataCellNamesExactlyTheHeadersOverItAndBeforeIt() {
        List<TableView> tables = allTables();
        assertTrue(tables.size() >= 6, "tables 二, 三, 四 of both formats: " + tables.size());
        int checked = 0;
        for (TableView table : tables) {
            Grid grid = new Grid(table);
            for (Placed td : grid.cells) {
                if (!"td".equals(td.cell.kind())) {
                    continue;
                }
                Set<String> named = new TreeSet<>(List.of(td.cell.headers().split(" ")));
                assertEquals(grid.headersOf(td), named, () -> table.id() + ": the headers of the cell at row "
                        + td.row + ", column " + td.col);
                checked++;
            }
        }
        assertTrue(checked > 300, "data cells checked: " + checked);
    }

    @Test
    void everyHeaderIsAThWithAUniqueStableIdAndAScope() {
        for (TableView table : allTables()) {
            Set<String> ids = new HashSet<>();
            for (Placed p : new Grid(table).cells) {
                if (p.cell.isHeader()) {
                    assertTrue(p.cell.id().matches(table.id() + "(-[a-z0-9_]+)+"), p.cell.id());
                    assertTrue(ids.add(p.cell.id()), "duplicate id " + p.cell.id());
                    assertTrue(Set.of("col", "row").contains(p.cell.scope()), p.cell.id() + " scope " + p.cell.scope());
                } else {
                    assertEquals(null, p.cell.id());
                }
            }
        }
        assertEquals(allTables(), allTables(), "the same definition gives the same ids and headers");
    }

    /** Table 三 has three levels of row headers and two of column headers; table 四 three of column headers. */
    @Test
    void theComplexTablesKeepTheirOfficialLevels() {
        FormatDefinition f2021 = FormatCatalog.builtIn().byId("2021").orElseThrow();
        TableView t3 = TableViewBuilder.build(zeros(f2021.tables().stream().filter(t -> t.section() == 3)
                .findFirst().orElseThrow()), PageText.builtIn());
        TableView t4 = TableViewBuilder.build(zeros(f2021.tables().stream().filter(t -> t.section() == 4)
                .findFirst().orElseThrow()), PageText.builtIn());
        long maxRowHeaders = t3.bodies().get(0).rows().stream().flatMap(r -> r.cells().stream())
                .filter(c -> "td".equals(c.kind()))
                .mapToLong(c -> Stream.of(c.headers().split(" ")).filter(h -> h.startsWith("t3-r-")).count())
                .max().orElse(0);
        assertEquals(3, maxRowHeaders, "table 三: three levels of row headers");
        assertTrue(t3.head().size() >= 2, "table 三: column header rows " + t3.head().size());
        assertEquals(3, t4.head().size(), "table 四: three levels of column headers");
        assertTrue(t3.bodies().get(0).rows().stream().flatMap(r -> r.cells().stream())
                .anyMatch(c -> "t3-r-results-refused-state_secret".equals(c.id())));
        assertTrue(t3.head().stream().flatMap(r -> r.cells().stream())
                .anyMatch(c -> "t3-c-applicants-natural_person".equals(c.id())));
    }

    @Test
    void aZeroShowsAs0() {
        assertEquals("0", TableViewBuilder.show(new Cell(new BigDecimal("0.00"), "", new SourcePos("report.yaml", 1, 1)), ValueKind.AMOUNT));
        assertEquals("0", TableViewBuilder.show(new Cell(BigDecimal.ZERO, "", new SourcePos("report.yaml", 1, 1)), ValueKind.SIGNED));
        assertEquals("0", TableViewBuilder.show(new Cell(new BigDecimal("0E+2"), "", new SourcePos("report.yaml", 1, 1)), ValueKind.COUNT));
        assertEquals("+3", TableViewBuilder.show(new Cell(new BigDecimal("3"), "", new SourcePos("report.yaml", 1, 1)), ValueKind.SIGNED));
        assertEquals("1.50", TableViewBuilder.show(new Cell(new BigDecimal("1.50"), "", new SourcePos("report.yaml", 1, 1)), ValueKind.AMOUNT));
    }

    /**
     * The published pages (the sample site as every test that only reads it shares it, {@link SampleSite#shared()}):
     * in every table, every id named by a td's headers is a th of that same table.
     */
    @Test
    void inTheSampleSiteEveryHeadersIdExistsInItsTable() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(SampleSite.shared())) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        int cells = 0;
        int officialTables = 0;
        for (Path page : pages) {
            Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
            Set<String> pageIds = new HashSet<>();
            for (Element e : doc.select("[id]")) {
                assertTrue(pageIds.add(e.id()), page + ": duplicate id " + e.id());
            }
            for (Element table : doc.select("table")) {
                Set<String> thIds = new HashSet<>(table.select("th[id]").eachAttr("id"));
                assertTrue(table.selectFirst("caption") != null, page + ": a table without caption");
                for (Element td : table.select("td[headers]")) {
                    for (String id : td.attr("headers").split(" ")) {
                        assertTrue(thIds.contains(id), page + ": " + id + " is not a th of table " + table.id());
                    }
                    cells++;
                }
                if (table.hasClass("gs-official")) {
                    officialTables++;
                    assertTrue(table.select("td.gs-num:not([headers])").isEmpty(), page + ": a value without headers");
                    for (Element th : table.select("th")) {
                        assertFalse(th.id().isEmpty(), page + ": a th without id in " + table.id());
                    }
                }
            }
        }
        assertTrue(cells > 1000, "cells checked: " + cells);
        assertTrue(officialTables > 30, "official tables checked: " + officialTables);
    }

    private static TableValues zeros(TableDef def) {
        Cell[] cells = new Cell[def.cells().size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new Cell(BigDecimal.ZERO, "", new SourcePos("report.yaml", 1, 1));
        }
        return new TableValues(def, cells, 1);
    }

    /** A cell placed on the table grid, as the HTML table model places it. {@code group} 0 is the thead. */
    private record Placed(TableView.ViewCell cell, int row, int col, int group) {
        boolean coversColumn(int c, int span) {
            return col < c + span && c < col + cell.colspan();
        }

        boolean coversRow(int r, int span) {
            return row < r + span && r < row + cell.rowspan();
        }
    }

    private static final class Grid {
        private final List<Placed> cells = new ArrayList<>();

        Grid(TableView table) {
            Map<Long, Placed> slots = new HashMap<>();
            int row = 0;
            List<List<TableView.Row>> groups = new ArrayList<>();
            groups.add(table.head());
            table.bodies().forEach(b -> groups.add(b.rows()));
            for (int g = 0; g < groups.size(); g++) {
                for (TableView.Row r : groups.get(g)) {
                    int col = 0;
                    for (TableView.ViewCell c : r.cells()) {
                        while (slots.containsKey(key(row, col))) {
                            col++;
                        }
                        Placed p = new Placed(c, row, col, g);
                        cells.add(p);
                        for (int dr = 0; dr < c.rowspan(); dr++) {
                            for (int dc = 0; dc < c.colspan(); dc++) {
                                slots.put(key(row + dr, col + dc), p);
                            }
                        }
                        col += c.colspan();
                    }
                    row++;
                }
            }
        }

        private static long key(int row, int col) {
            return ((long) row << 32) | col;
        }

        /** The th over a cell in its columns (in the thead or its own tbody) and before it in its rows. */
        Set<String> headersOf(Placed td) {
            Set<String> out = new TreeSet<>();
            for (Placed p : cells) {
                if (!p.cell.isHeader()) {
                    continue;
                }
                boolean above = p.row < td.row && p.coversColumn(td.col, td.cell.colspan())
                        && (p.group == 0 || p.group == td.group);
                boolean before = p.col < td.col && p.coversRow(td.row, td.cell.rowspan());
                if (above || before) {
                    out.add(p.cell.id());
                }
            }
            return out;
        }
    }
}

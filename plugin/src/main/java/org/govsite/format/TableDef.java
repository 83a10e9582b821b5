package org.govsite.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One official table: its headers, its value cells and its layout. Immutable; built once per format. Cells are found
 * by position: a leaf row's and a leaf column's {@link Header#index()} index a grid of cell positions.
 */
public final class TableDef {
    private final String key;
    private final int section;
    private final String caption;
    private final String htmlId;
    private final String number;
    private final Layout layout;
    private final String corner;
    private final String rowHeaderLabel;
    private final List<Header> columns;
    private final List<Header> rows;
    private final List<Block> blocks;
    private final List<CellDef> cells;
    private final List<Header> rowLeaves;
    private final List<Header> columnLeaves;
    private final int[][] grid;
    private final Map<String, Header> rowsByPath;
    private final Map<String, Header> columnsByKey;

    /**
     * @param htmlId the id of the table on a report page, unique in its format; its headers' ids start with it
     * @param number the table's number in its caption (表三), unique in its format
     */
    public TableDef(String key, int section, String caption, String htmlId, String number, Layout layout,
                    String corner, String rowHeaderLabel, List<Header> columns, List<Header> rows,
                    List<Block> blocks) {
        this.key = key;
        this.section = section;
        this.caption = caption;
        this.htmlId = htmlId;
        this.number = number;
        this.layout = layout;
        this.corner = corner;
        this.rowHeaderLabel = rowHeaderLabel;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.blocks = List.copyOf(blocks);
        Map<String, Header> rowIndex = new LinkedHashMap<>();
        Map<String, Header> columnIndex = new LinkedHashMap<>();
        List<Header> leafRows = new ArrayList<>();
        List<Header> leafColumns = new ArrayList<>();
        if (layout == Layout.BLOCKS) {
            for (Block block : this.blocks) {
                block.rows().forEach(r -> index(r, rowIndex));
                leafRows.addAll(block.rows());
                for (Header column : block.columns()) {
                    if (columnIndex.putIfAbsent(column.key(), column) == null && column.isLeaf()) {
                        leafColumns.add(column);
                    }
                }
            }
        } else {
            this.rows.forEach(r -> index(r, rowIndex));
            this.columns.forEach(c -> indexColumns(c, columnIndex));
            this.rows.forEach(r -> leafRows.addAll(r.leaves()));
            this.columns.forEach(c -> leafColumns.addAll(c.leaves()));
        }
        for (int i = 0; i < leafRows.size(); i++) {
            if (leafRows.get(i).index() != i) {
                throw new IllegalArgumentException(key + ": row " + leafRows.get(i).path() + " has index "
                        + leafRows.get(i).index() + ", expected " + i);
            }
        }
        this.rowLeaves = List.copyOf(leafRows);
        this.columnLeaves = List.copyOf(leafColumns);
        this.grid = new int[rowLeaves.size()][columnLeaves.size()];
        for (int[] line : grid) {
            Arrays.fill(line, -1);
        }
        List<CellDef> all = new ArrayList<>();
        if (layout == Layout.BLOCKS) {
            for (Block block : this.blocks) {
                for (Header row : block.rows()) {
                    for (Header column : block.columns()) {
                        grid[row.index()][column.index()] = all.size();
                        all.add(new CellDef(all.size(), row, column, block));
                    }
                }
            }
        } else {
            for (Header row : rowLeaves) {
                for (Header column : columnLeaves) {
                    grid[row.index()][column.index()] = all.size();
                    all.add(new CellDef(all.size(), row, column, null));
                }
            }
        }
        this.cells = List.copyOf(all);
        this.rowsByPath = Collections.unmodifiableMap(rowIndex);
        this.columnsByKey = Collections.unmodifiableMap(columnIndex);
    }

    private static void index(Header h, Map<String, Header> into) {
        into.put(h.path(), h);
        h.children().forEach(c -> index(c, into));
    }

    private static void indexColumns(Header h, Map<String, Header> into) {
        if (into.putIfAbsent(h.key(), h) != null) {
            throw new IllegalArgumentException("column key used twice: " + h.key());
        }
        h.children().forEach(c -> indexColumns(c, into));
    }

    public String key() { return key; }

    /** The official section (1–6) the table belongs to. */
    public int section() { return section; }

    public String caption() { return caption; }

    /** The table's id on a report page (t3), unique in its format; every header id starts with it. */
    public String htmlId() { return htmlId; }

    /** The table's number in its caption (表三), unique in its format. */
    public String number() { return number; }

    public Layout layout() { return layout; }

    /** The note in the corner cell (table 三), or {@code null}. */
    public String corner() { return corner; }

    /** The label of the row-header column in blocks (信息内容), or {@code null}. */
    public String rowHeaderLabel() { return rowHeaderLabel; }

    public List<Header> columns() { return columns; }

    public List<Header> rows() { return rows; }

    public List<Block> blocks() { return blocks; }

    /** Every value cell, in document order: row by row, column by column. */
    public List<CellDef> cells() { return cells; }

    /** The cell at a leaf row and a leaf column, or empty where the table has none (a block without that column). */
    public Optional<CellDef> cell(Header rowLeaf, Header columnLeaf) {
        int at = at(rowLeaf, columnLeaf);
        return at < 0 ? Optional.empty() : Optional.of(cells.get(at));
    }

    private int at(Header rowLeaf, Header columnLeaf) {
        int r = rowLeaf.index();
        int c = columnLeaf.index();
        if (r < 0 || c < 0 || r >= grid.length || c >= grid[r].length || !same(rowLeaves.get(r), rowLeaf)
                || !same(columnLeaves.get(c), columnLeaf)) {
            return -1;
        }
        return grid[r][c];
    }

    /** The same header: by identity first, for speed; by value for a block's column shared with another block. */
    private static boolean same(Header a, Header b) {
        return a == b || a.equals(b);
    }

    /**
     * Every cell under a row (or row group) and a column (or column group), or empty when the table lacks one of the
     * combinations of their leaves.
     */
    public Optional<CellGroup> group(Header row, Header column) {
        List<Header> rowLeafs = row.leaves();
        List<Header> columnLeafs = column.leaves();
        int[] found = new int[rowLeafs.size() * columnLeafs.size()];
        int n = 0;
        for (Header r : rowLeafs) {
            for (Header c : columnLeafs) {
                int at = at(r, c);
                if (at < 0) {
                    return Optional.empty();
                }
                found[n++] = at;
            }
        }
        return Optional.of(new CellGroup(row, column, found));
    }

    /** A row header by its dotted path, e.g. {@code results.refused}. */
    public Optional<Header> row(String path) {
        return Optional.ofNullable(rowsByPath.get(path));
    }

    /** A column header by its key, e.g. {@code organisations}. */
    public Optional<Header> column(String key) {
        return Optional.ofNullable(columnsByKey.get(key));
    }

    /** Every row path and column key, for "did you mean …?". */
    List<String> rowPaths() {
        return List.copyOf(rowsByPath.keySet());
    }

    List<String> columnKeys() {
        return List.copyOf(columnsByKey.keySet());
    }

    /** Every leaf column, in document order (for blocks: the distinct columns of all blocks). */
    public List<Header> columnLeaves() {
        return columnLeaves;
    }

    /** Every leaf row, in document order. */
    public List<Header> rowLeaves() {
        return rowLeaves;
    }

    /** The leaf columns a row has (all columns, or those of its block). */
    public List<Header> columnsOf(Header rowLeaf) {
        if (layout == Layout.BLOCKS) {
            return blocks.stream().filter(b -> b.rows().contains(rowLeaf)).findFirst()
                    .map(Block::columns).orElse(List.of());
        }
        return columnLeaves();
    }

    @Override
    public String toString() {
        return "TableDef[" + key + "]";
    }
}

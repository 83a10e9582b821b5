package org.govsite.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One official table: its headers, its value cells and its layout. Immutable; built once per format.
 */
public final class TableDef {
    private final String key;
    private final int section;
    private final String caption;
    private final Layout layout;
    private final String corner;
    private final String rowHeaderLabel;
    private final List<Header> columns;
    private final List<Header> rows;
    private final List<Block> blocks;
    private final List<CellDef> cells;
    private final Map<String, CellDef> cellsByAddress;
    private final Map<String, Header> rowsByPath;
    private final Map<String, Header> columnsByKey;

    public TableDef(String key, int section, String caption, Layout layout, String corner, String rowHeaderLabel,
                    List<Header> columns, List<Header> rows, List<Block> blocks) {
        this.key = key;
        this.section = section;
        this.caption = caption;
        this.layout = layout;
        this.corner = corner;
        this.rowHeaderLabel = rowHeaderLabel;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.blocks = List.copyOf(blocks);
        List<CellDef> all = new ArrayList<>();
        Map<String, Header> rowIndex = new LinkedHashMap<>();
        Map<String, Header> columnIndex = new LinkedHashMap<>();
        if (layout == Layout.BLOCKS) {
            for (Block block : this.blocks) {
                block.rows().forEach(r -> index(r, rowIndex));
                for (Header row : block.rows()) {
                    for (Header column : block.columns()) {
                        columnIndex.putIfAbsent(column.key(), column);
                        all.add(new CellDef(all.size(), row, column, block));
                    }
                }
            }
        } else {
            this.rows.forEach(r -> index(r, rowIndex));
            this.columns.forEach(c -> indexColumns(c, columnIndex));
            for (Header rowTop : this.rows) {
                for (Header row : rowTop.leaves()) {
                    for (Header colTop : this.columns) {
                        for (Header column : colTop.leaves()) {
                            all.add(new CellDef(all.size(), row, column, null));
                        }
                    }
                }
            }
        }
        this.cells = List.copyOf(all);
        Map<String, CellDef> byAddress = new LinkedHashMap<>();
        for (CellDef c : cells) {
            byAddress.put(c.row().path() + "[" + c.column().key() + "]", c);
        }
        this.cellsByAddress = Collections.unmodifiableMap(byAddress);
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

    public Optional<CellDef> cell(String rowPath, String columnKey) {
        return Optional.ofNullable(cellsByAddress.get(rowPath + "[" + columnKey + "]"));
    }

    /** A row header by its dotted path, e.g. {@code results.refused}. */
    public Optional<Header> row(String path) {
        return Optional.ofNullable(rowsByPath.get(path));
    }

    /** A column header by its key, e.g. {@code organisations}. */
    public Optional<Header> column(String key) {
        return Optional.ofNullable(columnsByKey.get(key));
    }

    /** Every leaf column, in document order (for blocks: the distinct columns of all blocks). */
    public List<Header> columnLeaves() {
        if (layout == Layout.BLOCKS) {
            return List.copyOf(columnsByKey.values().stream().filter(Header::isLeaf).toList());
        }
        return columns.stream().flatMap(c -> c.leaves().stream()).toList();
    }

    /** Every leaf row, in document order. */
    public List<Header> rowLeaves() {
        if (layout == Layout.BLOCKS) {
            return blocks.stream().flatMap(b -> b.rows().stream()).toList();
        }
        return rows.stream().flatMap(r -> r.leaves().stream()).toList();
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

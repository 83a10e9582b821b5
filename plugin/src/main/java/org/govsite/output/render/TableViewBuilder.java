package org.govsite.output.render;

import org.govsite.format.Block;
import org.govsite.format.Header;
import org.govsite.format.TableDef;
import org.govsite.format.ValueKind;
import org.govsite.model.Cell;
import org.govsite.model.CellState;
import org.govsite.model.Numbers;
import org.govsite.model.TableValues;
import org.govsite.output.PageText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lays out an official table from its definition: the same header structure (rowspan/colspan) as the published
 * table, every header a {@code th} with an id, every value cell a {@code td} whose {@code headers} list all its headers.
 */
public final class TableViewBuilder {
    private TableViewBuilder() {
    }

    /** The table's layout; its number (表二) from the page texts. */
    public static TableView build(TableValues values, PageText text) {
        TableDef def = values.def();
        String id = def.htmlId();
        String number = def.number();
        return switch (def.layout()) {
            case BLOCKS -> blocks(id, number, values, text);
            case MATRIX -> matrix(id, number, values, text);
            case SPREAD -> spread(id, number, values, text);
        };
    }

    /** Table 二: one tbody per block, each with a label row and its own column headers. */
    private static TableView blocks(String id, String number, TableValues values, PageText text) {
        TableDef def = values.def();
        int width = def.blocks().stream().mapToInt(b -> b.columns().size()).max().orElse(1);
        List<TableView.Body> bodies = new ArrayList<>();
        for (Block block : def.blocks()) {
            String blockId = id + "-" + block.key();
            List<TableView.Row> rows = new ArrayList<>();
            rows.add(new TableView.Row(List.of(th(block.label(), blockId, "col", 1, width + 1))));
            List<TableView.ViewCell> heads = new ArrayList<>();
            String rowHeadId = blockId + "-label";
            heads.add(th(def.rowHeaderLabel(), rowHeadId, "col", 1, 1));
            for (int i = 0; i < block.columns().size(); i++) {
                Header c = block.columns().get(i);
                heads.add(th(c.label(), blockId + "-c-" + c.key(), "col", 1, fill(i, block.columns().size(), width)));
            }
            rows.add(new TableView.Row(heads));
            for (Header row : block.rows()) {
                List<TableView.ViewCell> cells = new ArrayList<>();
                String rowId = id + "-r-" + row.idFragment();
                cells.add(th(row.label(), rowId, "row", 1, 1));
                for (int i = 0; i < block.columns().size(); i++) {
                    Header c = block.columns().get(i);
                    String headers = String.join(" ", blockId, blockId + "-c-" + c.key(), rowId);
                    cells.add(td(values.cell(row, c), c.kind(), headers, fill(i, block.columns().size(), width), text));
                }
                rows.add(new TableView.Row(cells));
            }
            bodies.add(new TableView.Body(rows));
        }
        return new TableView(id, number, def.caption(), null, List.of(), bodies);
    }

    private static int fill(int index, int count, int width) {
        return index == count - 1 ? width - count + 1 : 1;
    }

    /** Table 三: a column-header tree over a row-header tree, the note in the corner. */
    private static TableView matrix(String id, String number, TableValues values, PageText text) {
        TableDef def = values.def();
        int rowDepth = def.rows().stream().mapToInt(Header::height).max().orElse(1);
        Map<Header, String> columnIds = new LinkedHashMap<>();
        List<TableView.Row> head = columnHeaders(id + "-c-", def.columns(), columnIds);
        if (!head.isEmpty()) {
            List<TableView.ViewCell> first = new ArrayList<>();
            first.add(new TableView.ViewCell("corner", def.corner() == null ? "" : def.corner(), null, null, null,
                    head.size(), rowDepth, false));
            first.addAll(head.get(0).cells());
            head.set(0, new TableView.Row(first));
        }
        List<TableView.Row> rows = new ArrayList<>();
        for (Header top : def.rows()) {
            emitRows(id, values, top, new ArrayList<>(), rowDepth, columnIds, rows, text);
        }
        return new TableView(id, number, def.caption(), null, head, List.of(new TableView.Body(rows)));
    }

    private static void emitRows(String id, TableValues values, Header node, List<Header> ancestors, int rowDepth,
                                 Map<Header, String> columnIds, List<TableView.Row> out, PageText text) {
        if (!node.isLeaf()) {
            List<Header> path = new ArrayList<>(ancestors);
            path.add(node);
            for (Header child : node.children()) {
                emitRows(id, values, child, path, rowDepth, columnIds, out, text);
            }
            return;
        }
        List<TableView.ViewCell> cells = new ArrayList<>();
        List<String> rowIds = new ArrayList<>();
        for (Header a : ancestors) {
            String aid = id + "-r-" + a.idFragment();
            rowIds.add(aid);
            if (a.leaves().get(0) == node) {
                cells.add(th(a.label(), aid, "row", a.leaves().size(), 1));
            }
        }
        String rid = id + "-r-" + node.idFragment();
        rowIds.add(rid);
        cells.add(th(node.label(), rid, "row", 1, rowDepth - node.depth() + 1));
        for (Header column : values.def().columnLeaves()) {
            String headers = columnIds.get(column) + " " + String.join(" ", rowIds);
            cells.add(td(values.cell(node, column), column.kind(), headers, 1, text));
        }
        out.add(new TableView.Row(cells));
    }

    /** Table 四: the row groups become column groups; the values form one row. */
    private static TableView spread(String id, String number, TableValues values, PageText text) {
        TableDef def = values.def();
        List<Header> combined = new ArrayList<>();
        for (Header r : def.rows()) {
            combined.add(spreadNode(r, def.columns()));
        }
        Map<Header, String> ids = new LinkedHashMap<>();
        List<TableView.Row> head = columnHeaders(id + "-", combined, ids);
        List<TableView.ViewCell> cells = new ArrayList<>();
        for (Header rowLeaf : def.rowLeaves()) {
            for (Header column : def.columnLeaves()) {
                Header combinedLeaf = find(combined, rowLeaf.path() + "." + column.key());
                cells.add(td(values.cell(rowLeaf, column), column.kind(), ids.get(combinedLeaf), 1, text));
            }
        }
        return new TableView(id, number, def.caption(), null, head,
                List.of(new TableView.Body(List.of(new TableView.Row(cells)))));
    }

    private static Header spreadNode(Header row, List<Header> columns) {
        List<Header> children = new ArrayList<>();
        if (row.isLeaf()) {
            for (Header c : columns) {
                children.add(new Header(c.key(), row.path() + "." + c.key(), c.label(), c.shortLabel(),
                        row.depth() + 1, c.kind(), -1, List.of()));
            }
        } else {
            for (Header child : row.children()) {
                children.add(spreadNode(child, columns));
            }
        }
        return new Header(row.key(), row.path(), row.label(), row.shortLabel(), row.depth(), row.kind(), -1,
                children);
    }

    private static Header find(List<Header> nodes, String path) {
        for (Header n : nodes) {
            if (n.path().equals(path)) {
                return n;
            }
            Header inChild = find(n.children(), path);
            if (inChild != null) {
                return inChild;
            }
        }
        return null;
    }

    /**
     * Header rows for a column tree. A node spans its leaves; it spans down as many levels as it takes for its
     * deepest leaf to reach the last header row. Records, for every leaf, the ids of all its headers.
     *
     * <p>Every column header has {@code scope="col"}, the spanning ones too: in the HTML table model the column
     * state covers every column a header spans, whereas {@code colgroup} would require {@code <colgroup>} elements,
     * which cannot nest as these groups do. The ids and {@code headers} carry the full tree (WCAG H43).
     */
    private static List<TableView.Row> columnHeaders(String prefix, List<Header> tops, Map<Header, String> leafHeaders) {
        int height = tops.stream().mapToInt(Header::height).max().orElse(0);
        List<List<TableView.ViewCell>> levels = new ArrayList<>();
        for (int i = 0; i < height; i++) {
            levels.add(new ArrayList<>());
        }
        for (Header top : tops) {
            placeColumn(prefix, top, 0, height, new ArrayList<>(), levels, leafHeaders);
        }
        List<TableView.Row> rows = new ArrayList<>();
        for (List<TableView.ViewCell> level : levels) {
            if (!level.isEmpty()) {
                rows.add(new TableView.Row(level));
            }
        }
        return rows;
    }

    private static void placeColumn(String prefix, Header node, int level, int height, List<String> ancestors,
                                    List<List<TableView.ViewCell>> levels, Map<Header, String> leafHeaders) {
        int rowspan = height - level - node.height() + 1;
        String nid = prefix + node.idFragment();
        int span = node.leaves().size();
        levels.get(level).add(th(node.label(), nid, "col", rowspan, span));
        List<String> chain = new ArrayList<>(ancestors);
        chain.add(nid);
        if (node.isLeaf()) {
            leafHeaders.put(node, String.join(" ", chain));
            return;
        }
        for (Header child : node.children()) {
            placeColumn(prefix, child, level + rowspan, height, chain, levels, leafHeaders);
        }
    }

    private static TableView.ViewCell th(String text, String id, String scope, int rowspan, int colspan) {
        return new TableView.ViewCell("th", text, id, scope, null, rowspan, colspan, false);
    }

    /**
     * A value cell as published: a number; a blank ({@code kind} "blank", its text 空白 for screen readers only); "/"
     * ({@code kind} "na", its text "/", and 不适用 for screen readers).
     */
    private static TableView.ViewCell td(Optional<Cell> cell, ValueKind kind, String headers, int colspan,
                                         PageText text) {
        String shown = "";
        String cellKind = "td";
        if (cell.isPresent() && cell.get().state() == CellState.BLANK) {
            cellKind = "blank";
            shown = text.text("table.blank");
        } else if (cell.isPresent() && cell.get().state() == CellState.NOT_APPLICABLE) {
            cellKind = "na";
            shown = text.text("table.notApplicable");
        } else if (cell.isPresent()) {
            shown = show(cell.get(), kind);
        }
        return new TableView.ViewCell(cellKind, shown, null, null, headers, 1, colspan, true);
    }

    /**
     * A value as published: "+3" for a signed count, the unit after an amount that carries one. A zero always
     * shows as 0 (never 0.00, never blank), as in the official tables.
     */
    static String show(Cell cell, ValueKind kind) {
        if (cell.value().signum() == 0) {
            return kind == ValueKind.AMOUNT_WITH_UNIT ? "0" + cell.unit() : "0";
        }
        return switch (kind) {
            case SIGNED -> Numbers.signed(cell.value());
            case AMOUNT_WITH_UNIT -> cell.value().toPlainString() + cell.unit();
            default -> cell.value().toPlainString();
        };
    }
}

package org.govsite.output.data;

import org.govsite.format.Block;
import org.govsite.format.CellDef;
import org.govsite.format.Header;
import org.govsite.format.Layout;
import org.govsite.format.TableDef;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The official labels of one table's cells for open data: a row's or column's label with those of its parent
 * headers, joined by " / " (e.g. {@code 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密}); in table 二 the row
 * label starts with its block's label. Read from the format definition, never written twice.
 */
public final class CellLabels {
    public static final String SEPARATOR = " / ";

    private final String[] rows;
    private final String[] columns;

    private CellLabels(TableDef def) {
        Map<String, String> rowChains = new HashMap<>();
        Map<String, String> columnChains = new HashMap<>();
        if (def.layout() == Layout.BLOCKS) {
            for (Block b : def.blocks()) {
                b.rows().forEach(r -> chains(r, b.label(), rowChains));
            }
            for (Block b : def.blocks()) {
                b.columns().forEach(c -> columnChains.putIfAbsent(c.key(), c.label()));
            }
        } else {
            def.rows().forEach(r -> chains(r, null, rowChains));
            Map<String, String> byPath = new HashMap<>();
            def.columns().forEach(c -> chains(c, null, byPath));
            for (Header leaf : def.columnLeaves()) {
                columnChains.put(leaf.key(), byPath.get(leaf.path()));
            }
        }
        List<CellDef> cells = def.cells();
        rows = new String[cells.size()];
        columns = new String[cells.size()];
        for (CellDef c : cells) {
            rows[c.index()] = rowChains.getOrDefault(c.row().path(), c.row().label());
            columns[c.index()] = columnChains.getOrDefault(c.column().key(), c.column().label());
        }
    }

    private static void chains(Header h, String prefix, Map<String, String> into) {
        String chain = prefix == null ? h.label() : prefix + SEPARATOR + h.label();
        into.put(h.path(), chain);
        h.children().forEach(c -> chains(c, chain, into));
    }

    public static CellLabels of(TableDef def) {
        return new CellLabels(def);
    }

    public String row(CellDef cell) {
        return rows[cell.index()];
    }

    public String column(CellDef cell) {
        return columns[cell.index()];
    }
}

package org.govsite.format;

import java.util.List;

/** One block of table 二: a label (第二十条第（一）项), its own columns and its rows. */
public record Block(String key, String label, List<Header> columns, List<Header> rows) {
    public Block {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}

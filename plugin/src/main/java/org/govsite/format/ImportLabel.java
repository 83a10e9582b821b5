package org.govsite.format;

import java.util.List;

/**
 * Labels the importer also accepts for one row of a table: rewordings seen in real published reports (the official
 * label is always accepted). Read from a format's {@code import_labels:} list; the importer compares them after
 * normalising spaces, full- and half-width forms, brackets and numbering.
 *
 * @param table  the table's key
 * @param row    the row's path (for a block row, {@code <block>.<row>})
 * @param labels the reworded labels, as published
 */
public record ImportLabel(String table, String row, List<String> labels) {
    public ImportLabel {
        labels = List.copyOf(labels);
    }
}

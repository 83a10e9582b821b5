package org.govsite.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row or column header of an official table, with its children. A leaf header carries values.
 *
 * @param key        the stable identifier used in YAML (e.g. {@code natural_person})
 * @param path       the dotted path from the table root (e.g. {@code results.refused.state_secret})
 * @param label      the official label, character for character
 * @param shortLabel the label used in findings (e.g. {@code 一}); the label where the format gives none
 * @param depth      1 for a top-level header
 * @param kind       the value kind of the cells under this header (columns only; rows inherit the column's)
 * @param index      a leaf's position among its table's leaf rows (or leaf columns), by which cells are found;
 *                   -1 for a group
 */
public record Header(String key, String path, String label, String shortLabel, int depth, ValueKind kind, int index,
                     List<Header> children) {
    private static final Pattern UNIT = Pattern.compile("单位[：:]\\s*([^）)\\s]+)");

    public Header {
        children = List.copyOf(children);
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    /** The leaves under this header, in document order; the header itself if it is a leaf. */
    public List<Header> leaves() {
        if (isLeaf()) {
            return List.of(this);
        }
        List<Header> out = new ArrayList<>();
        addLeaves(out);
        return Collections.unmodifiableList(out);
    }

    private void addLeaves(List<Header> out) { // without streams: the tables' views ask for leaves at every cell
        if (isLeaf()) {
            out.add(this);
            return;
        }
        for (Header c : children) {
            c.addLeaves(out);
        }
    }

    /** The number of header levels from this header down to its deepest leaf, this one included. */
    public int height() {
        int deepest = 0;
        for (Header c : children) {
            deepest = Math.max(deepest, c.height());
        }
        return 1 + deepest;
    }

    /**
     * The unit the official label gives its column, as in 本年收费金额（单位：万元）; empty where it gives none. The
     * label is the single place a column's unit is written.
     */
    public Optional<String> unit() {
        Matcher m = UNIT.matcher(label);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A stable HTML id fragment: the path with dots as hyphens and underscores kept. */
    public String idFragment() {
        return path.replace('.', '-');
    }
}

package org.govsite.importer;

import org.govsite.format.Block;
import org.govsite.format.FormatDefinition;
import org.govsite.format.Header;
import org.govsite.format.ImportLabel;
import org.govsite.format.TableDef;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matching a published row label against a format's rows, tolerating what real reports do: spaces, full- and
 * half-width forms, （）/() and 〔〕/[], quotes, numbering variants (（一）/(一)/一、, 1./1、/1．), a label broken over
 * lines or cells, a group's label written in front of the row's, a parenthetical left out, and the reworded labels
 * the format lists under {@code import_labels:}. Never by position alone.
 */
final class Labels {
    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:\\(([一二三四五六七八九十]+)\\)|([一二三四五六七八九十]+)[、.]|\\((\\d{1,2})\\)|(\\d{1,2})[、.)])");

    /** One row header and the forms of its label. */
    record Row(Header header, Header parent, List<String> bodies) {
    }

    private final TableDef table;
    private final List<Row> leaves = new ArrayList<>();
    private final List<Row> groups = new ArrayList<>();

    Labels(FormatDefinition format, TableDef table) {
        this.table = table;
        List<ImportLabel> aliases = format.importLabels().stream().filter(a -> a.table().equals(table.key()))
                .toList();
        if (!table.blocks().isEmpty()) {
            for (Block b : table.blocks()) {
                for (Header r : b.rows()) {
                    leaves.add(row(r, null, aliases));
                }
            }
        } else {
            for (Header r : table.rows()) {
                add(r, null, aliases);
            }
        }
    }

    private void add(Header h, Header parent, List<ImportLabel> aliases) {
        if (h.isLeaf()) {
            leaves.add(row(h, parent, aliases));
        } else {
            groups.add(row(h, parent, aliases));
            h.children().forEach(c -> add(c, h, aliases));
        }
    }

    private static Row row(Header h, Header parent, List<ImportLabel> aliases) {
        List<String> bodies = new ArrayList<>();
        String body = body(h.label());
        bodies.add(body);
        String shortened = body.replaceAll("\\([^()]*\\)$", "");
        if (!shortened.equals(body) && !shortened.isEmpty()) {
            bodies.add(shortened);
        }
        for (ImportLabel a : aliases) {
            if (a.row().equals(h.path())) {
                a.labels().forEach(l -> bodies.add(body(l)));
            }
        }
        return new Row(h, parent, List.copyOf(bodies));
    }

    TableDef table() {
        return table;
    }

    /**
     * The leaf row a label names, given the label cells before it on the same line and the group last seen.
     *
     * @param exact when true (a line split at spaces), the label must be a row's whole label
     */
    Optional<Header> leaf(String label, List<String> before, Optional<Header> context, boolean exact) {
        String n = normal(label);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        String b = stripNumbering(n);
        List<Row> found = leaves.stream().filter(r -> r.bodies().contains(b)).toList();
        if (found.isEmpty() && !exact) {
            found = bySuffix(n);
        }
        if (found.size() > 1) {
            List<String> around = new ArrayList<>();
            before.forEach(x -> around.add(stripNumbering(normal(x))));
            List<Row> narrowed = found.stream().filter(r -> r.parent() != null && (around.stream().anyMatch(
                    a -> bodyOf(r.parent()).equals(a)) || context.map(c -> c.equals(r.parent())).orElse(false)))
                    .toList();
            found = narrowed;
        }
        return found.size() == 1 ? Optional.of(found.get(0).header()) : Optional.empty();
    }

    /** The row group a label names (（三）不予公开), for the rows under it. */
    Optional<Header> group(String label) {
        String b = stripNumbering(normal(label));
        List<Row> found = groups.stream().filter(r -> r.bodies().contains(b)).toList();
        return found.size() == 1 ? Optional.of(found.get(0).header()) : Optional.empty();
    }

    /** A label with a group's label or numbering in front: 三、本年度办理结果（一）予以公开. */
    private List<Row> bySuffix(String n) {
        List<Row> best = new ArrayList<>();
        int bestLength = 0;
        for (Row r : leaves) {
            for (String body : r.bodies()) {
                if (body.length() < 2 || !n.endsWith(body) || body.length() < bestLength) {
                    continue;
                }
                String rest = n.substring(0, n.length() - body.length());
                if (!restIsPrefix(rest, r)) {
                    continue;
                }
                if (body.length() > bestLength) {
                    best.clear();
                    bestLength = body.length();
                }
                if (!best.contains(r)) {
                    best.add(r);
                }
            }
        }
        return best;
    }

    /** What may stand before a row's label: numbering, and the labels (with numbering) of its groups. */
    private boolean restIsPrefix(String rest, Row r) {
        String left = rest;
        while (!left.isEmpty()) {
            String stripped = stripTrailingNumbering(left);
            if (!stripped.equals(left)) {
                left = stripped;
                continue;
            }
            boolean matched = false;
            for (Row g : groups) {
                for (String body : g.bodies()) {
                    if (left.endsWith(body) && isAncestor(g.header(), r.header())) {
                        left = left.substring(0, left.length() - body.length());
                        matched = true;
                        break;
                    }
                }
                if (matched) {
                    break;
                }
            }
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAncestor(Header group, Header leaf) {
        return leaf.path().startsWith(group.path() + ".");
    }

    private static String bodyOf(Header h) {
        return body(h.label());
    }

    /** A label in the form compared: {@link #normal}, without its numbering. */
    static String body(String label) {
        return stripNumbering(normal(label));
    }

    /**
     * Spaces removed, full-width forms as half-width (NFKC), 〔〕【】 as [], quotes removed, 、 after a number as a
     * point.
     */
    static String normal(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            switch (c) {
                case '〔', '【', '［' -> sb.append('[');
                case '〕', '】', '］' -> sb.append(']');
                case '“', '”', '‘', '’', '"', '\'', '「', '」', '『', '』' -> {
                }
                case '．' -> sb.append('.');
                default -> {
                    if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String stripNumbering(String normal) {
        Matcher m = NUMBERING.matcher(normal);
        return m.find() ? normal.substring(m.end()) : normal;
    }

    private static final Pattern TRAILING_NUMBERING = Pattern.compile(
            "(?:\\([一二三四五六七八九十]+\\)|[一二三四五六七八九十]+[、.]|\\(\\d{1,2}\\)|\\d{1,2}[、.)])$");

    private static String stripTrailingNumbering(String normal) {
        Matcher m = TRAILING_NUMBERING.matcher(normal);
        return m.find() ? normal.substring(0, m.start()) : normal;
    }
}

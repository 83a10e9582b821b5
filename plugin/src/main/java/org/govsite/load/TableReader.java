package org.govsite.load;

import org.govsite.format.Suggestions;

import org.govsite.format.Block;
import org.govsite.format.CellDef;
import org.govsite.format.FormatDefinition;
import org.govsite.format.Header;
import org.govsite.format.Layout;
import org.govsite.format.TableDef;
import org.govsite.format.ValueKind;
import org.govsite.model.Cell;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Messages;
import org.govsite.diagnostics.Rule;
import org.govsite.model.TableValues;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one table of report.yaml by its format definition. Every cell is typed by the definition; a missing, blank,
 * mistyped or unknown entry is a finding at its line, and a missing cell stays missing (never 0).
 */
final class TableReader {
    /** A number and the text after it, which must be one of the format's units. */
    private static final Pattern WITH_UNIT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(\\S*)\\s*");
    private static final Pattern SIGNED = Pattern.compile("[+-]?[0-9]+");

    private final String path;
    private final Messages messages;
    private final Consumer<Finding> findings;
    /** The format of the table being read: its units. */
    private FormatDefinition format;

    TableReader(String path, Messages messages, Consumer<Finding> findings) {
        this.path = path;
        this.messages = messages;
        this.findings = findings;
    }

    TableValues read(FormatDefinition format, TableDef def, YamlNode.Entry entry) {
        this.format = format;
        Cell[] cells = new Cell[def.cells().size()];
        YamlNode node = entry.value();
        if (def.layout() == Layout.BLOCKS) {
            Optional<YamlNode.Mapping> map = mapping(node, def.caption());
            if (map.isPresent()) {
                unknownKeys(map.get(), def.blocks().stream().map(Block::key).toList());
                for (Block block : def.blocks()) {
                    Optional<YamlNode.Entry> b = map.get().entry(block.key());
                    if (b.isEmpty()) {
                        missing(node, block.label());
                        continue;
                    }
                    Optional<YamlNode.Mapping> rows = mapping(b.get().value(), block.label());
                    if (rows.isEmpty()) {
                        continue;
                    }
                    unknownKeys(rows.get(), block.rows().stream().map(Header::key).toList());
                    for (Header row : block.rows()) {
                        Optional<YamlNode.Entry> r = rows.get().entry(row.key());
                        if (r.isEmpty()) {
                            missing(b.get().value(), block.label() + " " + row.label());
                            continue;
                        }
                        readRow(def, row, block.columns(), r.get(), cells);
                    }
                }
            }
        } else {
            readRows(def, def.rows(), node, def.caption(), cells);
        }
        return new TableValues(def, cells, entry.line());
    }

    private void readRows(TableDef def, List<Header> rows, YamlNode node, String where, Cell[] cells) {
        Optional<YamlNode.Mapping> map = mapping(node, where);
        if (map.isEmpty()) {
            return;
        }
        unknownKeys(map.get(), rows.stream().map(Header::key).toList());
        for (Header row : rows) {
            Optional<YamlNode.Entry> e = map.get().entry(row.key());
            if (e.isEmpty()) {
                missing(node, row.label());
            } else if (row.isLeaf()) {
                readRow(def, row, def.columnLeaves(), e.get(), cells);
            } else {
                readRows(def, row.children(), e.get().value(), row.label(), cells);
            }
        }
    }

    /** A leaf row: a list of values in column order, or a mapping by column key. */
    private void readRow(TableDef def, Header row, List<Header> columns, YamlNode.Entry entry, Cell[] cells) {
        YamlNode node = entry.value();
        if (node instanceof YamlNode.Sequence seq) {
            if (seq.items().size() != columns.size()) {
                findings.accept(Finding.of(Rule.Y4, path, seq.line(), seq.column(),
                        messages.text("Y4.count", row.label(), columns.size(), seq.items().size())));
            }
            for (int i = 0; i < Math.min(columns.size(), seq.items().size()); i++) {
                store(def, row, columns.get(i), seq.items().get(i), cells);
            }
        } else if (node instanceof YamlNode.Mapping map) {
            unknownKeys(map, columns.stream().map(Header::key).toList());
            for (Header column : columns) {
                Optional<YamlNode> v = map.get(column.key());
                if (v.isEmpty()) {
                    findings.accept(Finding.of(Rule.Y4, path, map.line(), map.column(),
                            messages.text("Y4.cell", row.label(), column.label())));
                } else {
                    store(def, row, column, v.get(), cells);
                }
            }
        } else {
            YamlNode.Scalar s = (YamlNode.Scalar) node;
            findings.accept(Finding.of(s.isBlank() ? Rule.Y4 : Rule.R7, path, entry.line(), entry.column(),
                    messages.text("Y4.rowShape", row.label(), columns.size())));
        }
    }

    private void store(TableDef def, Header row, Header column, YamlNode node, Cell[] cells) {
        CellDef cell = def.cell(row, column).orElseThrow();
        parseValue(node, column.kind(), row.label(), column.label()).ifPresent(c -> cells[cell.index()] = c);
    }

    private Optional<Cell> parseValue(YamlNode node, ValueKind kind, String rowLabel, String columnLabel) {
        String where = rowLabel + " / " + columnLabel;
        if (!(node instanceof YamlNode.Scalar s)) {
            findings.accept(Finding.of(Rule.R7, path, node.line(), node.column(), messages.text("R7.notScalar", where)));
            return Optional.empty();
        }
        if (s.isBlank()) {
            findings.accept(Finding.of(Rule.Y4, path, s.line(), s.column(), messages.text("Y4.blank", where)));
            return Optional.empty();
        }
        String text = s.text().trim();
        switch (kind) {
            case COUNT, SIGNED -> {
                boolean integral = s.type() == YamlNode.Scalar.Type.INTEGER
                        || (kind == ValueKind.SIGNED && s.type() == YamlNode.Scalar.Type.STRING
                        && SIGNED.matcher(text).matches());
                if (!integral) {
                    String key = s.type() == YamlNode.Scalar.Type.DECIMAL ? "R7.notWhole" : "R7.notNumber";
                    findings.accept(Finding.of(Rule.R7, path, s.line(), s.column(), messages.text(key, where, text)));
                    return Optional.empty();
                }
                BigDecimal v = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
                if (kind == ValueKind.COUNT && v.signum() < 0) {
                    findings.accept(Finding.of(Rule.R7, path, s.line(), s.column(),
                            messages.text("R7.negative", where, text)));
                    return Optional.empty();
                }
                return Optional.of(new Cell(v, "", s.line(), s.column()));
            }
            case AMOUNT -> {
                if (s.type() != YamlNode.Scalar.Type.INTEGER && s.type() != YamlNode.Scalar.Type.DECIMAL) {
                    findings.accept(Finding.of(Rule.R7, path, s.line(), s.column(),
                            messages.text("R7.notNumber", where, text)));
                    return Optional.empty();
                }
                BigDecimal v = new BigDecimal(text);
                if (v.signum() < 0) {
                    findings.accept(Finding.of(Rule.R7, path, s.line(), s.column(),
                            messages.text("R7.negative", where, text)));
                    return Optional.empty();
                }
                return Optional.of(new Cell(v, "", s.line(), s.column()));
            }
            case AMOUNT_WITH_UNIT -> {
                Matcher m = WITH_UNIT.matcher(text);
                if (s.type() != YamlNode.Scalar.Type.STRING || !m.matches() || format.unit(m.group(2)).isEmpty()) {
                    findings.accept(Finding.of(Rule.R7, path, s.line(), s.column(),
                            messages.text("R7.unit", where, text)));
                    return Optional.empty();
                }
                return Optional.of(new Cell(new BigDecimal(m.group(1)), m.group(2), s.line(), s.column()));
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private Optional<YamlNode.Mapping> mapping(YamlNode node, String where) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        boolean blank = node instanceof YamlNode.Scalar s && s.isBlank();
        findings.accept(Finding.of(blank ? Rule.Y4 : Rule.R7, path, node.line(), node.column(),
                messages.text(blank ? "Y4.blankGroup" : "R7.notMapping", where)));
        return Optional.empty();
    }

    private void missing(YamlNode parent, String what) {
        findings.accept(Finding.of(Rule.Y4, path, parent.line(), parent.column(), messages.text("Y4.missing", what)));
    }

    void unknownKeys(YamlNode.Mapping map, List<String> known) {
        for (YamlNode.Entry e : map.entries()) {
            if (!known.contains(e.key())) {
                findings.accept(Finding.of(Rule.Y3, path, e.line(), e.column(),
                        Suggestions.nearest(e.key(), known)
                                .map(s -> messages.text("Y3.unknownSuggest", e.key(), s))
                                .orElseGet(() -> messages.text("Y3.unknown", e.key(), String.join(", ", known)))));
            }
        }
    }
}

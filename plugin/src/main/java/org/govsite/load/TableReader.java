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
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.diagnostics.Rule;
import org.govsite.model.SourcePos;
import org.govsite.model.TableValues;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one table of report.yaml by its format definition. Every cell is typed by the definition: a number, blank
 * ({@code ~} or an empty value) or "/" as published. A missing, mistyped or unknown entry is a finding at its line
 * and stays missing; a blank cell is kept as blank (never 0), and is a finding only in a draft.
 */
final class TableReader {
    /** A number and the text after it, which must be one of the format's units. */
    private static final Pattern WITH_UNIT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(\\S*)\\s*");
    private static final Pattern SIGNED = Pattern.compile("[+-]?[0-9]+");
    /**
     * A number as a report writes it: decimal digits, no leading zero, an optional fraction. YAML also reads
     * {@code 0xA}, {@code 0o12}, {@code 012}, {@code 1_0} and {@code 1e3} as numbers; they are refused (R7), because a
     * published table shows the value exactly as typed.
     */
    private static final Pattern PLAIN = Pattern.compile("[+-]?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    /** The widest whole part and fraction a value may have; past that it is a finding, never arithmetic. */
    static final int MAX_DIGITS = 15;
    static final int MAX_FRACTION = 6;

    /** Full-width digits and point, as a report pasted from a word processor writes them. */
    private static final Pattern FULL_WIDTH = Pattern.compile("[＋－]?[０-９0-9]+(?:[．.][０-９0-9]+)?");
    /** A count with a word after it ({@code 13件}, {@code 13 项}): the word is the finding. */
    private static final Pattern WITH_WORD = Pattern.compile("([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*(\\S+)");
    /** "/" as published: 不适用. */
    static final String NOT_APPLICABLE = "/";

    private final FileDiagnostics diagnostics;

    TableReader(FileDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * What reading one table needs besides the YAML: its format (for the units), its definition, whether the report
     * is a published record (a blank cell is then a value as published, not a finding), and the cells read so far.
     */
    private record Reading(FormatDefinition format, TableDef def, boolean published, Cell[] cells) {
    }

    /**
     * @param published whether the report is a published record: its blank cells are kept as published; in a draft
     *                  a blank cell is a finding (Y4)
     */
    TableValues read(FormatDefinition format, TableDef def, YamlNode.Entry entry, boolean published) {
        Reading reading = new Reading(format, def, published, new Cell[def.cells().size()]);
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
                        readRow(reading, row, block.columns(), r.get());
                    }
                }
            }
        } else {
            readRows(reading, def.rows(), node, def.caption());
        }
        return new TableValues(def, reading.cells(), entry.line());
    }

    private void readRows(Reading reading, List<Header> rows, YamlNode node, String where) {
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
                readRow(reading, row, reading.def().columnLeaves(), e.get());
            } else {
                readRows(reading, row.children(), e.get().value(), row.label());
            }
        }
    }

    /** A leaf row: a list of values in column order, or a mapping by column key. */
    private void readRow(Reading reading, Header row, List<Header> columns, YamlNode.Entry entry) {
        YamlNode node = entry.value();
        if (node instanceof YamlNode.Sequence seq) {
            if (seq.items().size() != columns.size()) {
                diagnostics.report(Rule.Y4, seq.line(), seq.column(), Message.of("Y4.count", row.label(), columns.size(), seq.items().size()));
            }
            for (int i = 0; i < Math.min(columns.size(), seq.items().size()); i++) {
                store(reading, row, columns.get(i), seq.items().get(i));
            }
        } else if (node instanceof YamlNode.Mapping map) {
            unknownKeys(map, columns.stream().map(Header::key).toList());
            for (Header column : columns) {
                Optional<YamlNode> v = map.get(column.key());
                if (v.isEmpty()) {
                    diagnostics.report(Rule.Y4, map.line(), map.column(), Message.of("Y4.cell", row.label(), column.label()));
                } else {
                    store(reading, row, column, v.get());
                }
            }
        } else {
            YamlNode.Scalar s = (YamlNode.Scalar) node;
            diagnostics.report(s.isBlank() ? Rule.Y4 : Rule.R7, entry.line(), entry.column(), Message.of("Y4.rowShape", row.label(), columns.size()));
        }
    }

    private void store(Reading reading, Header row, Header column, YamlNode node) {
        CellDef cell = reading.def().cell(row, column).orElseThrow();
        parseValue(reading, node, column, row.label()).ifPresent(c -> reading.cells()[cell.index()] = c);
    }

    private Optional<Cell> parseValue(Reading reading, YamlNode node, Header column, String rowLabel) {
        ValueKind kind = column.kind();
        String where = rowLabel + " / " + column.label();
        if (!(node instanceof YamlNode.Scalar s)) {
            diagnostics.report(Rule.R7, node.line(), node.column(), Message.of("R7.notScalar", where));
            return Optional.empty();
        }
        SourcePos at = diagnostics.at(s.line(), s.column());
        if (s.isBlank()) {
            if (!reading.published()) {
                diagnostics.report(Rule.Y4, s.line(), s.column(), Message.of("Y4.blank", where));
            }
            return Optional.of(Cell.blank(at));
        }
        String text = s.text().trim();
        if (s.type() == YamlNode.Scalar.Type.STRING && text.equals(NOT_APPLICABLE)) {
            return Optional.of(Cell.notApplicable(at));
        }
        if (s.type() == YamlNode.Scalar.Type.STRING && !text.chars().allMatch(c -> c < 0x80)
                && FULL_WIDTH.matcher(text).matches()) {
            diagnostics.report(Rule.R7, s.line(), s.column(), Message.of("R7.fullWidth", where, Message.typed(text),
                    halfWidth(text)));
            return Optional.empty();
        }
        if ((s.type() == YamlNode.Scalar.Type.INTEGER || s.type() == YamlNode.Scalar.Type.DECIMAL)
                && !PLAIN.matcher(text).matches()) {
            diagnostics.report(Rule.R7, s.line(), s.column(), Message.of("R7.notPlain", where, Message.typed(text)));
            return Optional.empty();
        }
        switch (kind) {
            case COUNT, SIGNED -> {
                boolean integral = s.type() == YamlNode.Scalar.Type.INTEGER
                        || (kind == ValueKind.SIGNED && s.type() == YamlNode.Scalar.Type.STRING
                        && SIGNED.matcher(text).matches());
                if (!integral) {
                    Matcher word = WITH_WORD.matcher(text);
                    if (s.type() == YamlNode.Scalar.Type.STRING && word.matches()) {
                        diagnostics.report(Rule.R7, s.line(), s.column(), Message.of("R7.countWithUnit", where,
                                Message.typed(text), Message.typed(word.group(2)), Message.typed(word.group(1))));
                        return Optional.empty();
                    }
                    String key = s.type() == YamlNode.Scalar.Type.DECIMAL ? "R7.notWhole" : "R7.notNumber";
                    diagnostics.report(Rule.R7, s.line(), s.column(), Message.of(key, where, Message.typed(text)));
                    return Optional.empty();
                }
                Optional<BigDecimal> parsed = number(text.startsWith("+") ? text.substring(1) : text, s, where);
                if (parsed.isEmpty()) {
                    return Optional.empty();
                }
                BigDecimal v = parsed.get();
                if (kind == ValueKind.COUNT && v.signum() < 0) {
                    diagnostics.report(Rule.R7, s.line(), s.column(), Message.of("R7.negative", where, Message.typed(text)));
                    return Optional.empty();
                }
                return Optional.of(new Cell(v, "", at));
            }
            case AMOUNT -> {
                if (s.type() != YamlNode.Scalar.Type.INTEGER && s.type() != YamlNode.Scalar.Type.DECIMAL) {
                    Matcher word = WITH_WORD.matcher(text);
                    Optional<String> labelUnit = column.unit();
                    if (s.type() == YamlNode.Scalar.Type.STRING && word.matches() && labelUnit.isPresent()) {
                        String unit = labelUnit.get();
                        String key = word.group(2).equals(unit) ? "R7.amountUnit" : "R7.amountOtherUnit";
                        diagnostics.report(Rule.R7, s.line(), s.column(), Message.of(key, where,
                                Message.typed(text), unit, Message.typed(word.group(1))));
                        return Optional.empty();
                    }
                    diagnostics.report(Rule.R7, s.line(), s.column(), Message.of("R7.notNumber", where, Message.typed(text)));
                    return Optional.empty();
                }
                Optional<BigDecimal> parsed = number(text, s, where);
                if (parsed.isEmpty()) {
                    return Optional.empty();
                }
                BigDecimal v = parsed.get();
                if (v.signum() < 0) {
                    diagnostics.report(Rule.R7, s.line(), s.column(), Message.of("R7.negative", where, Message.typed(text)));
                    return Optional.empty();
                }
                return Optional.of(new Cell(v, "", at));
            }
            case AMOUNT_WITH_UNIT -> {
                if (s.type() == YamlNode.Scalar.Type.INTEGER && PLAIN.matcher(text).matches()
                        && new BigDecimal(text).signum() == 0) {
                    return Optional.of(new Cell(BigDecimal.ZERO, "", at));
                }
                Matcher m = WITH_UNIT.matcher(text);
                if (s.type() != YamlNode.Scalar.Type.STRING || !m.matches()
                        || reading.format().unit(m.group(2)).isEmpty()) {
                    diagnostics.report(Rule.R7, s.line(), s.column(), Message.of("R7.unit", where, Message.typed(text)));
                    return Optional.empty();
                }
                return number(m.group(1), s, where).map(v -> new Cell(v, m.group(2), at));
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** Full-width digits, sign and point as their ASCII forms: １３ → 13. */
    static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= '０' && ch <= '９') {
                out.append((char) ('0' + (ch - '０')));
            } else if (ch == '．') {
                out.append('.');
            } else if (ch == '＋') {
                out.append('+');
            } else if (ch == '－') {
                out.append('-');
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * A number as typed, when it is one and within range: at most {@link #MAX_DIGITS} digits before the point and
     * {@link #MAX_FRACTION} after it. {@code 1e999999999} is a finding here, so that no sum ever meets it.
     */
    private Optional<BigDecimal> number(String text, YamlNode.Scalar s, String where) {
        BigDecimal v;
        try {
            v = new BigDecimal(text);
        } catch (NumberFormatException e) {
            diagnostics.report(Rule.R7, s.line(), s.column(), Message.of("R7.notNumber", where, Message.typed(text)));
            return Optional.empty();
        }
        long whole = (long) v.precision() - v.scale();
        long fraction = Math.max(v.scale(), 0);
        if (whole > MAX_DIGITS || fraction > MAX_FRACTION) {
            diagnostics.report(Rule.R7, s.line(), s.column(), Message.of("R7.tooLarge", where, Message.typed(text),
                    MAX_DIGITS, MAX_FRACTION));
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private Optional<YamlNode.Mapping> mapping(YamlNode node, String where) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        boolean blank = node instanceof YamlNode.Scalar s && s.isBlank();
        diagnostics.report(blank ? Rule.Y4 : Rule.R7, node.line(), node.column(), Message.of(blank ? "Y4.blankGroup" : "R7.notMapping", where));
        return Optional.empty();
    }

    private void missing(YamlNode parent, String what) {
        diagnostics.report(Rule.Y4, parent.line(), parent.column(), Message.of("Y4.missing", what));
    }

    void unknownKeys(YamlNode.Mapping map, List<String> known) {
        for (YamlNode.Entry e : map.entries()) {
            if (!known.contains(e.key())) {
                diagnostics.report(Rule.Y3, e.line(), e.column(), Suggestions.nearest(e.key(), known)
                                .map(s -> Message.of("Y3.unknownSuggest", e.key(), s))
                                .orElseGet(() -> Message.of("Y3.unknown", e.key(), String.join(", ", known))));
            }
        }
    }
}

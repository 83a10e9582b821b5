package org.govsite.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a format definition from its YAML text, strictly: every key of the file must be one this reader knows (a typo
 * such as {@code year_rule:} or {@code narative:} is an error, with "did you mean …?"), and every reference to a table,
 * row, column, cell or rule code must resolve. References are resolved here, once, into {@link CellGroup}s. Every
 * error is a {@link FormatDefinitionException} naming the file and line.
 */
public final class FormatReader {
    private static final String NUMERALS = "〇一二三四五六七八九十";

    private FormatReader() {
    }

    /**
     * @throws FormatDefinitionException when the text is not a valid definition; the message names the file, the line
     *                                   and what is wrong
     */
    public static FormatDefinition read(String yamlText, String source) {
        return new FormatReader.Run(source).definition(YamlTree.parse(yamlText, source));
    }

    /** One reading of one file. */
    private static final class Run {
        private final String source;

        Run(String source) {
            this.source = source;
        }

        private FormatDefinitionException error(int line, String message) {
            return new FormatDefinitionException(source, line, message);
        }

        FormatDefinition definition(YamlTree.Node root) {
            Obj o = obj(root, "the format", "id", "title", "first_year", "last_year", "default_by_year", "sections",
                    "units", "tables", "codes", "rules", "year_rules", "key_figures", "narrative", "import_labels");
            List<String> sections = new ArrayList<>();
            o.list("sections").forEach(s -> sections.add(scalar(s, "a section title")));
            if (sections.size() != 6) {
                throw error(o.line("sections"), "a format has six sections, found " + sections.size());
            }
            boolean byYear = o.flag("default_by_year");
            if (byYear && !o.has("first_year")) {
                throw error(o.line("default_by_year"), "default_by_year needs first_year");
            }
            List<Unit> units = units(o);
            List<TableDef> tables = new ArrayList<>();
            Map<String, Integer> ids = new HashMap<>();
            Map<String, Integer> numbers = new HashMap<>();
            for (YamlTree.Node t : o.list("tables")) {
                TableDef table = table(t, units);
                for (TableDef other : tables) {
                    if (other.key().equals(table.key())) {
                        throw error(t.line(), "table " + table.key() + " is defined twice");
                    }
                }
                unique(ids, table.htmlId(), t.line(), "html_id");
                unique(numbers, table.number(), t.line(), "number");
                tables.add(table);
            }
            List<RuleCode> codes = codes(o);
            List<RuleDef> rules = new ArrayList<>();
            for (YamlTree.Node r : o.optList("rules")) {
                rules.add(rule(r, tables, codes));
            }
            List<YearRuleDef> yearRules = new ArrayList<>();
            for (YamlTree.Node r : o.optList("year_rules")) {
                yearRules.add(yearRule(r, tables, codes));
            }
            List<KeyFigureDef> figures = new ArrayList<>();
            for (YamlTree.Node k : o.optList("key_figures")) {
                figures.add(keyFigure(k, tables));
            }
            NarrativeDef narrative = o.has("narrative") ? narrative(o.node("narrative"), tables) : NarrativeDef.NONE;
            List<ImportLabel> importLabels = new ArrayList<>();
            for (YamlTree.Node n : o.optList("import_labels")) {
                importLabels.add(importLabel(n, tables));
            }
            return new FormatDefinition(o.text("id"), o.text("title"), o.optInt("first_year").orElse(0),
                    o.optInt("last_year").orElse(Integer.MAX_VALUE), byYear, sections, units, tables, codes, rules,
                    yearRules, figures, narrative, source, importLabels);
        }

        /** A reworded row label for the importer: the row must exist, the labels must not be empty. */
        private ImportLabel importLabel(YamlTree.Node node, List<TableDef> tables) {
            Obj o = obj(node, "an import label", "table", "row", "labels");
            TableDef table = tableOf(o, tables);
            Header row = rowOf(o, table, o.text("row"), "row");
            List<String> labels = o.strings("labels");
            if (labels.isEmpty() || labels.stream().anyMatch(String::isBlank)) {
                throw error(o.line("labels"), "import_labels: row " + row.path() + " needs at least one label, "
                        + "none blank");
            }
            return new ImportLabel(table.key(), row.path(), labels);
        }

        private void unique(Map<String, Integer> seen, String value, int line, String what) {
            Integer first = seen.putIfAbsent(value, line);
            if (first != null) {
                throw error(line, "two tables have the " + what + " " + value + " (the other at line " + first
                        + "): give each table in a section its own html_id and number");
            }
        }

        private List<Unit> units(Obj o) {
            List<Unit> units = new ArrayList<>();
            for (YamlTree.Node n : o.optList("units")) {
                Obj u = obj(n, "a unit", "name", "worth");
                BigDecimal worth;
                try {
                    worth = new BigDecimal(u.text("worth"));
                } catch (NumberFormatException e) {
                    throw error(u.line("worth"), "a unit's worth must be a number, not " + u.text("worth"));
                }
                if (worth.signum() <= 0) {
                    throw error(u.line("worth"), "a unit's worth must be above 0");
                }
                if (!u.text("name").matches("[^\\s\\\\^$.|?*+()\\[\\]{}0-9]+")) {
                    throw error(u.line("name"), "a unit's name is a word such as 万元, without digits, spaces or"
                            + " signs");
                }
                if (units.stream().anyMatch(x -> x.name().equals(u.text("name")))) {
                    throw error(n.line(), "unit " + u.text("name") + " is defined twice");
                }
                units.add(new Unit(u.text("name"), worth));
            }
            if (!units.isEmpty() && units.get(0).worth().compareTo(BigDecimal.ONE) != 0) {
                throw error(o.line("units"), "the first unit is the base unit: its worth is 1");
            }
            return units;
        }

        private List<RuleCode> codes(Obj o) {
            List<RuleCode> codes = new ArrayList<>();
            for (YamlTree.Node n : o.optList("codes")) {
                Obj c = obj(n, "a rule code", "code", "severity", "title", "title_en");
                String code = c.text("code");
                if (codes.stream().anyMatch(x -> x.code().equals(code))) {
                    throw error(n.line(), "rule code " + code + " is defined twice");
                }
                String severity = c.text("severity");
                if (!RuleCode.SEVERITIES.contains(severity)) {
                    throw error(c.line("severity"), "severity must be one of " + String.join(", ",
                            RuleCode.SEVERITIES) + ", not " + severity);
                }
                codes.add(new RuleCode(code, severity, c.text("title"), c.text("title_en"), n.line()));
            }
            return codes;
        }

        private void knownCode(Obj rule, List<RuleCode> codes) {
            String code = rule.text("code");
            if (codes.stream().noneMatch(c -> c.code().equals(code))) {
                List<String> known = codes.stream().map(RuleCode::code).toList();
                throw error(rule.line("code"), "unknown rule code '" + code + "': a rule's code must be one of "
                        + "those under codes: " + String.join(", ", known) + hint(code, known));
            }
        }

        private TableDef table(YamlTree.Node node, List<Unit> units) {
            Obj t = obj(node, "a table", "key", "section", "caption", "layout", "kind", "corner", "row_header",
                    "html_id", "number", "blocks", "columns", "rows");
            String key = t.text("key");
            Layout layout = parse(t, "layout", Layout::parse, "blocks, matrix or spread");
            ValueKind kind = t.has("kind") ? parse(t, "kind", ValueKind::parse, "count, signed, amount or amount_with_unit")
                    : ValueKind.COUNT;
            int section = t.integer("section");
            if (section < 1 || section > 6) {
                throw error(t.line("section"), "table " + key + ": section must be 1 to 6, not " + section);
            }
            List<Block> blocks = new ArrayList<>();
            List<Header> columns = new ArrayList<>();
            List<Header> rows = new ArrayList<>();
            Leaves rowLeaves = new Leaves(false);
            Leaves columnLeaves = new Leaves(layout == Layout.BLOCKS);
            if (layout == Layout.BLOCKS) {
                t.forbid("columns", "rows");
                for (YamlTree.Node b : t.list("blocks")) {
                    Obj block = obj(b, "a block", "key", "label", "columns", "rows");
                    String blockKey = block.text("key");
                    List<Header> blockColumns = headers(block.list("columns"), "", 1, kind, columnLeaves, true);
                    List<Header> blockRows = headers(block.list("rows"), blockKey + ".", 1, kind, rowLeaves, true);
                    blocks.add(new Block(blockKey, block.text("label"), blockColumns, blockRows));
                }
            } else {
                t.forbid("blocks");
                columns = headers(t.list("columns"), "", 1, kind, columnLeaves, false);
                rows = headers(t.list("rows"), "", 1, kind, rowLeaves, false);
            }
            checkKinds(columns, blocks, units, node.line());
            String htmlId = t.optText("html_id").orElse("t" + section);
            if (!htmlId.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw error(t.line("html_id"), "html_id must start with a letter and hold only letters, digits, - and _");
            }
            String number = t.optText("number").orElse("表" + NUMERALS.charAt(section));
            try {
                return new TableDef(key, section, t.text("caption"), htmlId, number, layout,
                        t.optText("corner").orElse(null), t.optText("row_header").orElse(null), columns, rows,
                        blocks);
            } catch (IllegalArgumentException e) {
                throw error(node.line(), "table " + key + ": " + e.getMessage());
            }
        }

        private void checkKinds(List<Header> columns, List<Block> blocks, List<Unit> units, int line) {
            List<Header> all = new ArrayList<>(columns);
            blocks.forEach(b -> all.addAll(b.columns()));
            boolean withUnit = all.stream().flatMap(h -> h.leaves().stream())
                    .anyMatch(h -> h.kind() == ValueKind.AMOUNT_WITH_UNIT);
            if (withUnit && units.isEmpty()) {
                throw error(line, "a column of kind amount_with_unit needs the units: list of the format");
            }
        }

        /** Gives each leaf its index: a counter, or (for the columns of blocks) one index per distinct key. */
        private static final class Leaves {
            private final boolean byKey;
            private final Map<String, Integer> keys = new HashMap<>();
            private int next;

            Leaves(boolean byKey) {
                this.byKey = byKey;
            }

            int index(String key) {
                return byKey ? keys.computeIfAbsent(key, k -> next++) : next++;
            }
        }

        private List<Header> headers(List<YamlTree.Node> list, String prefix, int depth, ValueKind inherited,
                                     Leaves leaves, boolean flat) {
            List<Header> out = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (YamlTree.Node n : list) {
                Obj h = obj(n, "a header", "key", "label", "short", "kind", "children");
                String key = h.text("key");
                if (keys.contains(key)) {
                    throw error(h.line("key"), "the key " + key + " is used twice here");
                }
                keys.add(key);
                String label = h.text("label");
                ValueKind kind = h.has("kind")
                        ? parse(h, "kind", ValueKind::parse, "count, signed, amount or amount_with_unit") : inherited;
                List<YamlTree.Node> childNodes = h.optList("children");
                if (flat && !childNodes.isEmpty()) {
                    throw error(h.line("children"), "the rows and columns of a block have no children");
                }
                int index = childNodes.isEmpty() ? leaves.index(key) : -1;
                List<Header> children = headers(childNodes, prefix + key + ".", depth + 1, kind, leaves, flat);
                out.add(new Header(key, prefix + key, label, h.optText("short").orElse(label), depth, kind, index,
                        children));
            }
            return out;
        }

        private TableDef tableOf(Obj o, List<TableDef> tables) {
            String key = o.text("table");
            return tables.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow(() -> error(
                    o.line("table"), "no table " + key + hint(key, tables.stream().map(TableDef::key).toList())));
        }

        private Header rowOf(Obj o, TableDef table, String ref, String field) {
            return table.row(ref).orElseThrow(() -> error(o.line(field), "no row " + ref + " in table "
                    + table.key() + hint(ref, table.rowPaths())));
        }

        private Header columnOf(Obj o, TableDef table, String ref, String field) {
            return table.column(ref).orElseThrow(() -> error(o.line(field), "no column " + ref + " in table "
                    + table.key() + hint(ref, table.columnKeys())));
        }

        /** A reference of a rule: a row path when the rule runs for each column, a column key for each row. */
        private Header ref(Obj o, TableDef table, RuleDef.Each each, String ref, String field) {
            return each == RuleDef.Each.COLUMN ? rowOf(o, table, ref, field) : columnOf(o, table, ref, field);
        }

        private List<Header> refs(Obj o, TableDef table, RuleDef.Each each, String field) {
            List<Header> out = new ArrayList<>();
            for (String r : o.strings(field)) {
                out.add(ref(o, table, each, r, field));
            }
            return out;
        }

        /** The positions a rule is repeated over: the leaf columns (each = COLUMN) or the leaf rows (each = ROW). */
        private static List<Header> positions(TableDef def, RuleDef.Each each, List<String> scope) {
            if (each == RuleDef.Each.COLUMN) {
                return def.columnLeaves();
            }
            List<Header> rows = def.rowLeaves();
            if (scope.isEmpty()) {
                return rows;
            }
            return rows.stream().filter(r -> scope.stream().anyMatch(s -> r.path().equals(s)
                    || r.path().startsWith(s + "."))).toList();
        }

        /** The cells of each reference at one position, or empty when one of them does not exist there. */
        private static Optional<List<CellGroup>> groups(TableDef def, RuleDef.Each each, Header position,
                                                        List<Header> refs) {
            List<CellGroup> out = new ArrayList<>();
            for (Header ref : refs) {
                Optional<CellGroup> g = each == RuleDef.Each.COLUMN ? def.group(ref, position)
                        : def.group(position, ref);
                if (g.isEmpty()) {
                    return Optional.empty();
                }
                out.add(g.get());
            }
            return Optional.of(out);
        }

        private RuleDef.Each each(Obj o) {
            return parse(o, "each", RuleDef.Each::parse, "column or row");
        }

        private RuleDef rule(YamlTree.Node node, List<TableDef> tables, List<RuleCode> codes) {
            Obj o = obj(node, "a rule", "code", "table", "each", "left", "right");
            knownCode(o, codes);
            TableDef table = tableOf(o, tables);
            RuleDef.Each each = each(o);
            List<Header> left = refs(o, table, each, "left");
            List<Header> right = refs(o, table, each, "right");
            List<RuleDef.Instance> instances = new ArrayList<>();
            for (Header position : positions(table, each, List.of())) {
                Optional<List<CellGroup>> l = groups(table, each, position, left);
                Optional<List<CellGroup>> r = groups(table, each, position, right);
                if (l.isPresent() && r.isPresent()) {
                    instances.add(new RuleDef.Instance(position, l.get(), r.get()));
                }
            }
            if (instances.isEmpty()) {
                throw error(node.line(), o.text("code") + ": the equation applies nowhere in table " + table.key());
            }
            return new RuleDef(o.text("code"), table.key(), each, o.strings("left"), o.strings("right"), instances);
        }

        private YearRuleDef yearRule(YamlTree.Node node, List<TableDef> tables, List<RuleCode> codes) {
            Obj o = obj(node, "a year rule", "code", "table", "each", "rows", "left", "previous", "plus", "minus");
            knownCode(o, codes);
            TableDef table = tableOf(o, tables);
            RuleDef.Each each = each(o);
            List<String> scope = o.strings("rows");
            for (String s : scope) {
                if (table.row(s).isEmpty() && table.blocks().stream().noneMatch(b -> b.key().equals(s))) {
                    throw error(o.line("rows"), "no row or block " + s + " in table " + table.key()
                            + hint(s, table.rowPaths()));
                }
            }
            List<Header> left = refs(o, table, each, "left");
            refs(o, table, each, "previous");
            List<Header> plus = refs(o, table, each, "plus");
            List<Header> minus = refs(o, table, each, "minus");
            List<YearRuleDef.Instance> instances = new ArrayList<>();
            for (Header position : positions(table, each, scope)) {
                Optional<List<CellGroup>> l = groups(table, each, position, left);
                Optional<List<CellGroup>> p = groups(table, each, position, plus);
                Optional<List<CellGroup>> m = groups(table, each, position, minus);
                if (l.isPresent() && p.isPresent() && m.isPresent()) {
                    instances.add(new YearRuleDef.Instance(position, l.get(), p.get(), m.get()));
                }
            }
            if (instances.isEmpty()) {
                throw error(node.line(), o.text("code") + ": the equation applies nowhere in table " + table.key());
            }
            return new YearRuleDef(o.text("code"), table.key(), each, scope, o.strings("left"),
                    o.strings("previous"), o.strings("plus"), o.strings("minus"), instances);
        }

        private CellGroup cellOf(Obj o, TableDef table, String what) {
            Header row = rowOf(o, table, o.text("row"), "row");
            Header column = columnOf(o, table, o.text("column"), "column");
            return table.group(row, column).orElseThrow(() -> error(o.line("row"), what + ": no cell "
                    + row.path() + "[" + column.key() + "] in table " + table.key()));
        }

        private KeyFigureDef keyFigure(YamlTree.Node node, List<TableDef> tables) {
            Obj o = obj(node, "a key figure", "key", "label", "table", "row", "column");
            TableDef table = tableOf(o, tables);
            CellGroup cells = cellOf(o, table, "key figure " + o.text("key"));
            return new KeyFigureDef(o.text("key"), o.text("label"), table.key(), o.text("row"), o.text("column"),
                    cells);
        }

        private NarrativeDef narrative(YamlTree.Node node, List<TableDef> tables) {
            Obj n = obj(node, "narrative", "statements", "claims");
            List<NarrativeDef.Statement> statements = new ArrayList<>();
            for (YamlTree.Node s : n.optList("statements")) {
                Obj o = obj(s, "a narrative statement", "key", "table", "row", "rows", "column", "pattern");
                String key = o.text("key");
                Pattern p = pattern(o, key);
                if (p.matcher("").groupCount() < 1) {
                    throw error(o.line("pattern"), "narrative statement " + key
                            + ": the pattern needs a group for the number: {n} or (…)");
                }
                TableDef table = tableOf(o, tables);
                if (o.has("row") == o.has("rows")) {
                    throw error(s.line(), "narrative statement " + key + ": give either row or rows");
                }
                List<String> rowRefs = o.has("row") ? List.of(o.text("row")) : o.strings("rows");
                String rowField = o.has("row") ? "row" : "rows";
                Header column = columnOf(o, table, o.text("column"), "column");
                List<CellGroup> cells = new ArrayList<>();
                for (String r : rowRefs) {
                    Header row = rowOf(o, table, r, rowField);
                    cells.add(table.group(row, column).orElseThrow(() -> error(o.line(rowField), "narrative statement "
                            + key + ": no cell " + row.path() + "[" + column.key() + "] in table " + table.key())));
                }
                statements.add(new NarrativeDef.Statement(key, p, table.key(), rowRefs, o.text("column"), cells));
            }
            List<NarrativeDef.Claim> claims = new ArrayList<>();
            for (YamlTree.Node c : n.optList("claims")) {
                Obj o = obj(c, "a narrative claim", "key", "pattern", "table", "zero", "rows", "clauses");
                String key = o.text("key");
                TableDef table = tableOf(o, tables);
                o.node("zero");
                o.node("rows");
                List<Header> zero = new ArrayList<>();
                for (String z : o.strings("zero")) {
                    zero.add(columnOf(o, table, z, "zero"));
                }
                List<Header> rows = new ArrayList<>();
                for (String r : o.strings("rows")) {
                    rows.add(rowOf(o, table, r, "rows"));
                }
                List<NarrativeDef.Clause> clauses = new ArrayList<>();
                for (YamlTree.Node w : o.optList("clauses")) {
                    Obj clause = obj(w, "a clause", "word", "rows");
                    clause.node("rows");
                    List<Header> clauseRows = new ArrayList<>();
                    for (String r : clause.strings("rows")) {
                        clauseRows.add(rowOf(clause, table, r, "rows"));
                    }
                    clauses.add(new NarrativeDef.Clause(clause.text("word"), clauseRows));
                }
                List<Header> all = new ArrayList<>(rows);
                clauses.forEach(w -> all.addAll(w.rows()));
                for (Header r : all) {
                    for (Header z : zero) {
                        if (table.group(r, z).isEmpty()) {
                            throw error(c.line(), "narrative claim " + key + ": no cell " + r.path() + "[" + z.key()
                                    + "] in table " + table.key());
                        }
                    }
                }
                claims.add(new NarrativeDef.Claim(key, pattern(o, key), table.key(), zero, rows, clauses));
            }
            return new NarrativeDef(statements, claims);
        }

        private Pattern pattern(Obj o, String key) {
            String text = o.text("pattern");
            try {
                return Pattern.compile(text.replace("{n}", NarrativeDef.NUMBER));
            } catch (PatternSyntaxException e) {
                throw error(o.line("pattern"), "narrative " + key + ": invalid pattern " + e.getDescription() + ": "
                        + text);
            }
        }

        private <T> T parse(Obj o, String field, java.util.function.Function<String, T> parser, String expected) {
            try {
                return parser.apply(o.text(field));
            } catch (IllegalArgumentException e) {
                throw error(o.line(field), field + " must be " + expected + ", not " + o.text(field));
            }
        }

        private String scalar(YamlTree.Node n, String what) {
            if (n instanceof YamlTree.Scalar s && s.text() != null) {
                return s.text();
            }
            throw error(n.line(), what + " must be a text");
        }

        private Obj obj(YamlTree.Node node, String what, String... known) {
            if (!(node instanceof YamlTree.Mapping map)) {
                throw error(node.line(), what + " must be a mapping");
            }
            List<String> keys = List.of(known);
            for (Map.Entry<String, Integer> e : map.keyLines().entrySet()) {
                if (!keys.contains(e.getKey())) {
                    throw error(e.getValue(), "unknown key '" + e.getKey() + "' in " + what
                            + Suggestions.nearest(e.getKey(), keys).map(s -> " (did you mean '" + s + "'?)")
                            .orElse(" (known: " + String.join(", ", keys) + ")"));
                }
            }
            return new Obj(map, what);
        }

        /** A mapping whose keys have been checked against the known ones. */
        private final class Obj {
            private final YamlTree.Mapping map;
            private final String what;

            Obj(YamlTree.Mapping map, String what) {
                this.map = map;
                this.what = what;
            }

            boolean has(String key) {
                return map.get(key).filter(n -> !(n instanceof YamlTree.Scalar s && s.text() == null)).isPresent();
            }

            int line(String key) {
                return map.keyLines().getOrDefault(key, map.line());
            }

            YamlTree.Node node(String key) {
                if (!has(key)) {
                    throw error(map.line(), what + ": missing '" + key + "'");
                }
                return map.get(key).orElseThrow();
            }

            String text(String key) {
                return scalar(node(key), what + ": '" + key + "'");
            }

            Optional<String> optText(String key) {
                return has(key) ? Optional.of(text(key)) : Optional.empty();
            }

            int integer(String key) {
                try {
                    return Integer.parseInt(text(key));
                } catch (NumberFormatException e) {
                    throw error(line(key), what + ": '" + key + "' must be a whole number, not " + text(key));
                }
            }

            Optional<Integer> optInt(String key) {
                return has(key) ? Optional.of(integer(key)) : Optional.empty();
            }

            boolean flag(String key) {
                if (!has(key)) {
                    return false;
                }
                return switch (text(key)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw error(line(key), what + ": '" + key + "' must be true or false");
                };
            }

            List<YamlTree.Node> list(String key) {
                YamlTree.Node n = node(key);
                if (!(n instanceof YamlTree.Sequence seq)) {
                    throw error(line(key), what + ": '" + key + "' must be a list");
                }
                return seq.items();
            }

            List<YamlTree.Node> optList(String key) {
                return has(key) ? list(key) : List.of();
            }

            List<String> strings(String key) {
                List<String> out = new ArrayList<>();
                optList(key).forEach(n -> out.add(scalar(n, what + ": an item of '" + key + "'")));
                return out;
            }

            /** Keys that do not belong with this mapping's layout. */
            void forbid(String... keys) {
                for (String k : keys) {
                    if (map.get(k).isPresent()) {
                        throw error(line(k), what + ": '" + k + "' does not belong to this layout");
                    }
                }
            }
        }
    }

    private static String hint(String typed, List<String> known) {
        return Suggestions.nearest(typed, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}

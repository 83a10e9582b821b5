package org.govsite.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;


import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a format definition from its YAML text and checks it: every rule code is one of {@link Rule}, and every rule,
 * key figure and narrative statement refers to cells that exist.
 */
public final class FormatReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FormatReader() {
    }

    /**
     * @throws FormatDefinitionException when the text is not a valid definition; the message names what is wrong
     */
    public static FormatDefinition read(String yamlText, String source) {
        try {
            JsonNode root = YAML.readTree(yamlText);
            if (root == null || !root.isObject()) {
                throw new FormatDefinitionException(source, "not a YAML mapping");
            }
            List<String> sections = new ArrayList<>();
            required(root, "sections", source).forEach(s -> sections.add(s.asText()));
            if (sections.size() != 6) {
                throw new FormatDefinitionException(source, "a format has six sections, found " + sections.size());
            }
            List<TableDef> tables = new ArrayList<>();
            for (JsonNode t : required(root, "tables", source)) {
                tables.add(table(t, source));
            }
            List<RuleDef> rules = new ArrayList<>();
            for (JsonNode r : root.path("rules")) {
                rules.add(new RuleDef(text(r, "code", source), text(r, "table", source),
                        RuleDef.Each.parse(text(r, "each", source)), strings(r.path("left")),
                        strings(r.path("right"))));
            }
            List<YearRuleDef> yearRules = new ArrayList<>();
            for (JsonNode r : root.path("year_rules")) {
                yearRules.add(new YearRuleDef(text(r, "code", source), text(r, "table", source),
                        RuleDef.Each.parse(text(r, "each", source)), strings(r.path("rows")),
                        strings(r.path("left")), strings(r.path("previous")), strings(r.path("plus")),
                        strings(r.path("minus"))));
            }
            List<KeyFigureDef> figures = new ArrayList<>();
            for (JsonNode k : root.path("key_figures")) {
                figures.add(new KeyFigureDef(text(k, "key", source), text(k, "label", source),
                        text(k, "table", source), text(k, "row", source), text(k, "column", source)));
            }
            FormatDefinition def = new FormatDefinition(text(root, "id", source), text(root, "title", source),
                    root.path("first_year").asInt(0),
                    root.hasNonNull("last_year") ? root.get("last_year").asInt() : Integer.MAX_VALUE,
                    sections, tables, rules, yearRules, figures, narrative(root.path("narrative"), source));
            verifyCodes(def, source);
            verify(def, source);
            verifyNarrative(def, source);
            verifyFigures(def, source);
            return def;
        } catch (IOException e) {
            throw new FormatDefinitionException(source, "YAML: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new FormatDefinitionException(source, e.getMessage());
        }
    }

    private static NarrativeDef narrative(JsonNode n, String source) {
        List<NarrativeDef.Statement> statements = new ArrayList<>();
        for (JsonNode s : n.path("statements")) {
            String key = text(s, "key", source);
            Pattern p = pattern(s, key, source);
            if (p.matcher("").groupCount() < 1) {
                throw new FormatDefinitionException(source, "narrative statement " + key
                        + ": the pattern needs a group (…) for the number");
            }
            statements.add(new NarrativeDef.Statement(key, p, text(s, "table", source), text(s, "row", source),
                    text(s, "column", source)));
        }
        List<NarrativeDef.Claim> claims = new ArrayList<>();
        for (JsonNode c : n.path("claims")) {
            String key = text(c, "key", source);
            List<NarrativeDef.Clause> clauses = new ArrayList<>();
            for (JsonNode w : c.path("clauses")) {
                clauses.add(new NarrativeDef.Clause(text(w, "word", source), strings(required(w, "rows", source))));
            }
            claims.add(new NarrativeDef.Claim(key, pattern(c, key, source), text(c, "table", source),
                    strings(required(c, "zero", source)), strings(required(c, "rows", source)), clauses));
        }
        return new NarrativeDef(statements, claims);
    }

    private static Pattern pattern(JsonNode node, String key, String source) {
        String text = text(node, "pattern", source);
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new FormatDefinitionException(source, "narrative " + key + ": invalid pattern "
                    + e.getDescription() + ": " + text);
        }
    }

    /**
     * The stable codes of the rules a format may define: the equations R1–R4 and the year rules R5/R6. Findings carry
     * them, so each is also a code of {@code org.govsite.diagnostics.Rule} (a test holds that).
     */
    public static final List<String> RULE_CODES = List.of("R1", "R2", "R3", "R4", "R5", "R6");

    /** Every rule's code must be one of {@link #RULE_CODES}: findings carry it and the checker runs it. */
    private static void verifyCodes(FormatDefinition def, String source) {
        List<String> codes = new ArrayList<>(def.rules().stream().map(RuleDef::code).toList());
        codes.addAll(def.yearRules().stream().map(YearRuleDef::code).toList());
        for (String code : codes) {
            if (!RULE_CODES.contains(code)) {
                throw new FormatDefinitionException(source, "unknown rule code '" + code + "': a rule's code must be"
                        + " one of " + String.join(", ", RULE_CODES));
            }
        }
    }

    private static void verifyNarrative(FormatDefinition def, String source) {
        for (NarrativeDef.Statement s : def.narrative().statements()) {
            TableDef table = def.table(s.table()).orElseThrow(() -> new FormatDefinitionException(source,
                    "narrative statement " + s.key() + ": no table " + s.table()));
            if (table.row(s.row()).isEmpty() || table.column(s.column()).isEmpty()) {
                throw new FormatDefinitionException(source, "narrative statement " + s.key() + ": no cell "
                        + s.row() + "[" + s.column() + "] in " + s.table());
            }
        }
        for (NarrativeDef.Claim c : def.narrative().claims()) {
            TableDef table = def.table(c.table()).orElseThrow(() -> new FormatDefinitionException(source,
                    "narrative claim " + c.key() + ": no table " + c.table()));
            List<String> rows = new ArrayList<>(c.rows());
            c.clauses().forEach(w -> rows.addAll(w.rows()));
            for (String row : rows) {
                if (table.row(row).isEmpty()) {
                    throw new FormatDefinitionException(source, "narrative claim " + c.key() + ": no row " + row
                            + " in " + c.table());
                }
            }
            for (String column : c.zero()) {
                if (table.column(column).isEmpty()) {
                    throw new FormatDefinitionException(source, "narrative claim " + c.key() + ": no column "
                            + column + " in " + c.table());
                }
            }
        }
    }

    private static TableDef table(JsonNode t, String source) {
        String key = text(t, "key", source);
        Layout layout = Layout.parse(text(t, "layout", source));
        ValueKind kind = ValueKind.parse(t.path("kind").asText("count"));
        List<Block> blocks = new ArrayList<>();
        List<Header> columns = new ArrayList<>();
        List<Header> rows = new ArrayList<>();
        if (layout == Layout.BLOCKS) {
            for (JsonNode b : required(t, "blocks", source)) {
                String blockKey = text(b, "key", source);
                blocks.add(new Block(blockKey, text(b, "label", source),
                        headers(required(b, "columns", source), "", 1, kind, source),
                        headers(required(b, "rows", source), blockKey + ".", 1, kind, source)));
            }
        } else {
            columns = headers(required(t, "columns", source), "", 1, kind, source);
            rows = headers(required(t, "rows", source), "", 1, kind, source);
        }
        return new TableDef(key, t.path("section").asInt(), text(t, "caption", source), layout,
                t.hasNonNull("corner") ? t.get("corner").asText() : null,
                t.hasNonNull("row_header") ? t.get("row_header").asText() : null, columns, rows, blocks);
    }

    private static List<Header> headers(JsonNode list, String prefix, int depth, ValueKind inherited, String source) {
        List<Header> out = new ArrayList<>();
        for (JsonNode n : list) {
            String key = text(n, "key", source);
            String label = text(n, "label", source);
            ValueKind kind = n.hasNonNull("kind") ? ValueKind.parse(n.get("kind").asText()) : inherited;
            List<Header> children = headers(n.path("children"), prefix + key + ".", depth + 1, kind, source);
            out.add(new Header(key, prefix + key, label, n.path("short").asText(label), depth, kind, children));
        }
        return out;
    }

    private static void verify(FormatDefinition def, String source) {
        for (RuleDef rule : def.rules()) {
            TableDef table = def.table(rule.table()).orElseThrow(() -> new FormatDefinitionException(source,
                    rule.code() + ": no table " + rule.table()));
            for (String ref : concat(rule.left(), rule.right())) {
                boolean ok = rule.each() == RuleDef.Each.COLUMN ? table.row(ref).isPresent()
                        : table.column(ref).isPresent();
                if (!ok) {
                    throw new FormatDefinitionException(source, rule.code() + ": no "
                            + (rule.each() == RuleDef.Each.COLUMN ? "row " : "column ") + ref + " in " + table.key());
                }
            }
        }
        for (YearRuleDef rule : def.yearRules()) {
            TableDef table = def.table(rule.table()).orElseThrow(() -> new FormatDefinitionException(source,
                    rule.code() + ": no table " + rule.table()));
            List<String> refs = new ArrayList<>(rule.left());
            refs.addAll(rule.previous());
            refs.addAll(rule.plus());
            refs.addAll(rule.minus());
            for (String ref : refs) {
                boolean ok = rule.each() == RuleDef.Each.COLUMN ? table.row(ref).isPresent()
                        : table.column(ref).isPresent();
                if (!ok) {
                    throw new FormatDefinitionException(source, rule.code() + ": unknown reference " + ref);
                }
            }
        }
    }

    private static void verifyFigures(FormatDefinition def, String source) {
        for (KeyFigureDef k : def.keyFigures()) {
            TableDef table = def.table(k.table()).orElseThrow(() -> new FormatDefinitionException(source,
                    "key figure " + k.key() + ": no table " + k.table()));
            if (table.row(k.row()).isEmpty() || table.column(k.column()).isEmpty()) {
                throw new FormatDefinitionException(source, "key figure " + k.key() + ": no cell " + k.row() + "["
                        + k.column() + "]");
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static JsonNode required(JsonNode node, String field, String source) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new FormatDefinitionException(source, "missing '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String field, String source) {
        return required(node, field, source).asText();
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }
}

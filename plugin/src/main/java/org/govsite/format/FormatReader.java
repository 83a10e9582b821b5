package org.govsite.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a format definition from its YAML text and checks that every rule refers to cells that exist. */
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
                    sections, tables, rules, yearRules, figures);
            verify(def, source);
            verifyFigures(def, source);
            return def;
        } catch (IOException e) {
            throw new FormatDefinitionException(source, "YAML: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new FormatDefinitionException(source, e.getMessage());
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

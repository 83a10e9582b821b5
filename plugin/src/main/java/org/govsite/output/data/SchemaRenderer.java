package org.govsite.output.data;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.govsite.format.Block;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.Header;
import org.govsite.format.Layout;
import org.govsite.format.TableDef;
import org.govsite.format.Unit;
import org.govsite.format.ValueKind;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.PageText;
import org.govsite.output.Paths;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON Schema (draft-07) of report.yaml, generated from the format definitions, for editors: with the VS Code
 * YAML extension it completes keys, shows the official labels on hover and flags typos. The schema only helps
 * typing; the build's own checks remain the authority. Shares nothing mutable.
 */
public final class SchemaRenderer implements ArchiveOutput {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final PageText text;
    private final String baseUrl;

    /** @param baseUrl the site's address, ending in '/', for the schema's {@code $id}; or {@code null} */
    public SchemaRenderer(PageText text, String baseUrl) {
        this.text = text;
        this.baseUrl = baseUrl;
    }

    @Override
    public void write(ArchiveIndex archive, OutputSink out) throws IOException {
        if (out.keepUnchanged(Paths.SCHEMA, "schema of the formats")) {
            return; // made from the formats, the texts and baseUrl only: any change to them is a full build
        }
        out.write(Paths.SCHEMA, render(archive.formats(), baseUrl == null ? null : baseUrl + Paths.SCHEMA, text));
    }

    /** The schema of every format of the catalogue; {@code id} is its {@code $id}, or {@code null}. */
    public static byte[] render(FormatCatalog formats, String id, PageText text) throws IOException {
        ObjectNode root = F.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        if (id != null) {
            root.put("$id", id);
        }
        root.put("title", text.text("schema.title"));
        root.put("description", text.text("schema.description"));
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        props.set("year", describe(F.objectNode().put("type", "integer").put("minimum", 2000).put("maximum", 2100),
                text.text("schema.year"), text.text("schema.year.description")));
        ArrayNode ids = F.arrayNode();
        formats.all().forEach(f -> ids.add(f.id()));
        ids.add("none");
        ObjectNode format = describe(F.objectNode(), text.text("schema.format"), text.text("schema.format.description",
                String.join(text.text("list.separator"), formats.all().stream()
                        .map(f -> text.text("schema.format.item", f.id(), f.title())).toList())));
        format.put("type", "string");
        format.set("enum", ids);
        props.set("format", format);
        props.set("title", describe(F.objectNode().put("type", "string"), text.text("schema.reportTitle"), null));
        props.set("published", describe(F.objectNode().put("type", "string")
                .put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), text.text("schema.published"), "YYYY-MM-DD"));
        props.set("publisher", describe(F.objectNode().put("type", "string"), text.text("schema.publisher"), null));
        props.set("index_no", describe(F.objectNode().put("type", "string"), text.text("schema.indexNo"), null));
        props.set("sample", describe(F.objectNode().put("type", "boolean"), text.text("schema.sample"),
                text.text("schema.sample.description")));
        ObjectNode status = describe(F.objectNode().put("type", "string"), text.text("schema.status"),
                text.text("schema.status.description"));
        status.putArray("enum").add("draft").add("published");
        props.set("status", status);
        props.set("tables", describe(F.objectNode().put("type", "object"), text.text("schema.tables"),
                text.text("schema.tables.description")));
        root.putArray("required").add("year");
        root.put("additionalProperties", false);
        ObjectNode defs = root.putObject("definitions");
        ArrayNode allOf = root.putArray("allOf");
        for (FormatDefinition f : formats.all()) {
            String name = "tables-" + f.id();
            defs.set(name, tables(f, text));
            ObjectNode rule = allOf.addObject();
            rule.putObject("if").putObject("properties").putObject("format").put("const", f.id());
            rule.with("if").putArray("required").add("format");
            rule.putObject("then").putObject("properties").putObject("tables").put("$ref", "#/definitions/" + name);
        }
        ObjectNode none = allOf.addObject();
        none.putObject("if").putObject("properties").putObject("format").put("const", "none");
        none.with("if").putArray("required").add("format");
        none.putObject("then").putObject("not").putArray("required").add("tables");

        ObjectMapper mapper = new ObjectMapper();
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        String json = mapper.writer(new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent))
                .writeValueAsString(root);
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode tables(FormatDefinition f, PageText text) {
        ObjectNode node = describe(F.objectNode().put("type", "object"), f.title(), null);
        ObjectNode props = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        for (TableDef t : f.tables()) {
            props.set(t.key(), table(t, text, f.units().stream().map(Unit::name).toList()));
            required.add(t.key());
        }
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode table(TableDef t, PageText text, List<String> units) {
        ObjectNode node = describe(F.objectNode().put("type", "object"), t.caption(), null);
        ObjectNode props = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        if (t.layout() == Layout.BLOCKS) {
            for (Block b : t.blocks()) {
                ObjectNode block = describe(F.objectNode().put("type", "object"), b.label(), null);
                ObjectNode rows = block.putObject("properties");
                ArrayNode req = block.putArray("required");
                for (Header r : b.rows()) {
                    rows.set(r.key(), leafRow(r, b.columns(), text, units));
                    req.add(r.key());
                }
                block.put("additionalProperties", false);
                props.set(b.key(), block);
                required.add(b.key());
            }
        } else {
            for (Header r : t.rows()) {
                props.set(r.key(), row(r, t.columnLeaves(), text, units));
                required.add(r.key());
            }
        }
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode row(Header r, List<Header> columns, PageText text, List<String> units) {
        if (r.isLeaf()) {
            return leafRow(r, columns, text, units);
        }
        ObjectNode node = describe(F.objectNode().put("type", "object"), r.label(), null);
        ObjectNode props = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        for (Header c : r.children()) {
            props.set(c.key(), row(c, columns, text, units));
            required.add(c.key());
        }
        node.put("additionalProperties", false);
        return node;
    }

    /** A leaf row: a list of values in column order, or a mapping by column key. */
    private static ObjectNode leafRow(Header r, List<Header> columns, PageText text, List<String> units) {
        String order = String.join(text.text("list.separator"), columns.stream().map(Header::label).toList());
        ObjectNode node = describe(F.objectNode(), r.label(), text.text("schema.row.description", columns.size(),
                order));
        ArrayNode oneOf = node.putArray("oneOf");
        ObjectNode list = oneOf.addObject().put("type", "array").put("minItems", columns.size())
                .put("maxItems", columns.size());
        ArrayNode items = list.putArray("items");
        ObjectNode map = oneOf.addObject().put("type", "object");
        ObjectNode props = map.putObject("properties");
        ArrayNode required = map.putArray("required");
        for (Header c : columns) {
            items.add(value(c, units));
            props.set(c.key(), value(c, units));
            required.add(c.key());
        }
        map.put("additionalProperties", false);
        return node;
    }

    /**
     * A cell: a value of its column's kind, or blank ({@code ~}, empty) or "/" as published (a draft's blank is a
     * finding, which a schema cannot tell: the checker does).
     */
    private static ObjectNode value(Header column, List<String> units) {
        ObjectNode v = describe(F.objectNode(), column.label(), null);
        ArrayNode any = v.putArray("anyOf");
        any.add(number(column, units));
        any.addObject().put("type", "null");
        any.addObject().put("const", "");
        any.addObject().put("const", "/");
        return v;
    }

    private static ObjectNode number(Header column, List<String> units) {
        ObjectNode v = F.objectNode();
        ValueKind kind = column.kind() == null ? ValueKind.COUNT : column.kind();
        switch (kind) {
            case COUNT -> v.put("type", "integer").put("minimum", 0);
            case SIGNED -> {
                ArrayNode any = v.putArray("anyOf");
                any.addObject().put("type", "integer");
                any.addObject().put("type", "string").put("pattern", "^[+-]?[0-9]+$");
            }
            case AMOUNT -> v.put("type", "number").put("minimum", 0);
            case AMOUNT_WITH_UNIT -> {
                ArrayNode any = v.putArray("anyOf");
                any.addObject().put("type", "string")
                        .put("pattern", "^\\s*[0-9]+(\\.[0-9]+)?\\s*(" + String.join("|", units) + ")\\s*$");
                any.addObject().put("const", 0);
            }
        }
        return v;
    }

    private static ObjectNode describe(ObjectNode node, String title, String description) {
        ObjectNode out = F.objectNode();
        out.put("title", title);
        if (description != null) {
            out.put("description", description);
        }
        out.setAll(node);
        return out;
    }
}

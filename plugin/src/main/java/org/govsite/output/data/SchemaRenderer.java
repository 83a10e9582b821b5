package org.govsite.output.data;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The JSON Schema (draft-07) of report.yaml, generated from the format definitions, for editors: with the VS Code
 * YAML extension it completes keys, shows the official labels on hover and flags typos. The schema only helps
 * typing; the build's own checks remain the authority. Written as a stream with jackson-core, as the reports' open
 * data is, so that a build loads none of jackson-databind's 300 classes for this one file. Shares nothing mutable.
 */
public final class SchemaRenderer implements ArchiveOutput {
    private static final JsonFactory JSON = new JsonFactory();

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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            DefaultIndenter indent = new DefaultIndenter("  ", "\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent));
            g.writeStartObject();
            g.writeStringField("$schema", "http://json-schema.org/draft-07/schema#");
            if (id != null) {
                g.writeStringField("$id", id);
            }
            g.writeStringField("title", text.text("schema.title"));
            g.writeStringField("description", text.text("schema.description"));
            g.writeStringField("type", "object");
            g.writeObjectFieldStart("properties");
            g.writeObjectFieldStart("year");
            describe(g, text.text("schema.year"), text.text("schema.year.description"));
            g.writeStringField("type", "integer");
            g.writeNumberField("minimum", 2000);
            g.writeNumberField("maximum", 2100);
            g.writeEndObject();
            g.writeObjectFieldStart("format");
            describe(g, text.text("schema.format"), text.text("schema.format.description",
                    String.join(text.text("list.separator"), formats.all().stream()
                            .map(f -> text.text("schema.format.item", f.id(), f.title())).toList())));
            g.writeStringField("type", "string");
            g.writeArrayFieldStart("enum");
            for (FormatDefinition f : formats.all()) {
                g.writeString(f.id());
            }
            g.writeString("none");
            g.writeEndArray();
            g.writeEndObject();
            typed(g, "title", "string", text.text("schema.reportTitle"), null);
            g.writeObjectFieldStart("published");
            describe(g, text.text("schema.published"), "YYYY-MM-DD");
            g.writeStringField("type", "string");
            g.writeStringField("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
            g.writeEndObject();
            typed(g, "publisher", "string", text.text("schema.publisher"), null);
            typed(g, "index_no", "string", text.text("schema.indexNo"), null);
            typed(g, "sample", "boolean", text.text("schema.sample"), text.text("schema.sample.description"));
            g.writeObjectFieldStart("status");
            describe(g, text.text("schema.status"), text.text("schema.status.description"));
            g.writeStringField("type", "string");
            g.writeArrayFieldStart("enum");
            g.writeString("draft");
            g.writeString("published");
            g.writeEndArray();
            g.writeEndObject();
            typed(g, "tables", "object", text.text("schema.tables"), text.text("schema.tables.description"));
            g.writeEndObject();
            g.writeArrayFieldStart("required");
            g.writeString("year");
            g.writeEndArray();
            g.writeBooleanField("additionalProperties", false);
            g.writeObjectFieldStart("definitions");
            for (FormatDefinition f : formats.all()) {
                g.writeObjectFieldStart("tables-" + f.id());
                tables(g, f, text);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("allOf");
            for (FormatDefinition f : formats.all()) {
                g.writeStartObject();
                ifFormat(g, f.id());
                g.writeObjectFieldStart("then");
                g.writeObjectFieldStart("properties");
                g.writeObjectFieldStart("tables");
                g.writeStringField("$ref", "#/definitions/tables-" + f.id());
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeStartObject();
            ifFormat(g, "none");
            g.writeObjectFieldStart("then");
            g.writeObjectFieldStart("not");
            g.writeArrayFieldStart("required");
            g.writeString("tables");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        return bytes.toByteArray();
    }

    /** {@code "if": {"properties": {"format": {"const": id}}, "required": ["format"]}}. */
    private static void ifFormat(JsonGenerator g, String id) throws IOException {
        g.writeObjectFieldStart("if");
        g.writeObjectFieldStart("properties");
        g.writeObjectFieldStart("format");
        g.writeStringField("const", id);
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("required");
        g.writeString("format");
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A property of one JSON type with its title and description. */
    private static void typed(JsonGenerator g, String name, String type, String title, String description)
            throws IOException {
        g.writeObjectFieldStart(name);
        describe(g, title, description);
        g.writeStringField("type", type);
        g.writeEndObject();
    }

    /** The keys of a format's {@code tables}, its tables' keys all required. */
    private static void tables(JsonGenerator g, FormatDefinition f, PageText text) throws IOException {
        describe(g, f.title(), null);
        g.writeStringField("type", "object");
        List<String> units = f.units().stream().map(Unit::name).toList();
        g.writeObjectFieldStart("properties");
        for (TableDef t : f.tables()) {
            g.writeObjectFieldStart(t.key());
            table(g, t, text, units);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("required");
        for (TableDef t : f.tables()) {
            g.writeString(t.key());
        }
        g.writeEndArray();
        g.writeBooleanField("additionalProperties", false);
    }

    private static void table(JsonGenerator g, TableDef t, PageText text, List<String> units) throws IOException {
        describe(g, t.caption(), null);
        g.writeStringField("type", "object");
        g.writeObjectFieldStart("properties");
        if (t.layout() == Layout.BLOCKS) {
            for (Block b : t.blocks()) {
                g.writeObjectFieldStart(b.key());
                describe(g, b.label(), null);
                g.writeStringField("type", "object");
                g.writeObjectFieldStart("properties");
                for (Header r : b.rows()) {
                    g.writeObjectFieldStart(r.key());
                    leafRow(g, r, b.columns(), text, units);
                    g.writeEndObject();
                }
                g.writeEndObject();
                required(g, b.rows());
                g.writeBooleanField("additionalProperties", false);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("required");
            for (Block b : t.blocks()) {
                g.writeString(b.key());
            }
            g.writeEndArray();
        } else {
            for (Header r : t.rows()) {
                g.writeObjectFieldStart(r.key());
                row(g, r, t.columnLeaves(), text, units);
                g.writeEndObject();
            }
            g.writeEndObject();
            required(g, t.rows());
        }
        g.writeBooleanField("additionalProperties", false);
    }

    /** {@code "required": [keys]}. */
    private static void required(JsonGenerator g, List<Header> headers) throws IOException {
        g.writeArrayFieldStart("required");
        for (Header h : headers) {
            g.writeString(h.key());
        }
        g.writeEndArray();
    }

    private static void row(JsonGenerator g, Header r, List<Header> columns, PageText text, List<String> units)
            throws IOException {
        if (r.isLeaf()) {
            leafRow(g, r, columns, text, units);
            return;
        }
        describe(g, r.label(), null);
        g.writeStringField("type", "object");
        g.writeObjectFieldStart("properties");
        for (Header c : r.children()) {
            g.writeObjectFieldStart(c.key());
            row(g, c, columns, text, units);
            g.writeEndObject();
        }
        g.writeEndObject();
        required(g, r.children());
        g.writeBooleanField("additionalProperties", false);
    }

    /** A leaf row: a list of values in column order, or a mapping by column key. */
    private static void leafRow(JsonGenerator g, Header r, List<Header> columns, PageText text, List<String> units)
            throws IOException {
        String order = String.join(text.text("list.separator"), columns.stream().map(Header::label).toList());
        describe(g, r.label(), text.text("schema.row.description", columns.size(), order));
        g.writeArrayFieldStart("oneOf");
        g.writeStartObject();
        g.writeStringField("type", "array");
        g.writeNumberField("minItems", columns.size());
        g.writeNumberField("maxItems", columns.size());
        g.writeArrayFieldStart("items");
        for (Header c : columns) {
            g.writeStartObject();
            value(g, c, units);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("type", "object");
        g.writeObjectFieldStart("properties");
        for (Header c : columns) {
            g.writeObjectFieldStart(c.key());
            value(g, c, units);
            g.writeEndObject();
        }
        g.writeEndObject();
        required(g, columns);
        g.writeBooleanField("additionalProperties", false);
        g.writeEndObject();
        g.writeEndArray();
    }

    /**
     * A cell: a value of its column's kind, or blank ({@code ~}, empty) or "/" as published (a draft's blank is a
     * finding, which a schema cannot tell: the checker does).
     */
    private static void value(JsonGenerator g, Header column, List<String> units) throws IOException {
        describe(g, column.label(), null);
        g.writeArrayFieldStart("anyOf");
        g.writeStartObject();
        number(g, column, units);
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("type", "null");
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("const", "");
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("const", "/");
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, Header column, List<String> units) throws IOException {
        ValueKind kind = column.kind() == null ? ValueKind.COUNT : column.kind();
        switch (kind) {
            case COUNT -> {
                g.writeStringField("type", "integer");
                g.writeNumberField("minimum", 0);
            }
            case SIGNED -> {
                g.writeArrayFieldStart("anyOf");
                g.writeStartObject();
                g.writeStringField("type", "integer");
                g.writeEndObject();
                g.writeStartObject();
                g.writeStringField("type", "string");
                g.writeStringField("pattern", "^[+-]?[0-9]+$");
                g.writeEndObject();
                g.writeEndArray();
            }
            case AMOUNT -> {
                g.writeStringField("type", "number");
                g.writeNumberField("minimum", 0);
            }
            case AMOUNT_WITH_UNIT -> {
                g.writeArrayFieldStart("anyOf");
                g.writeStartObject();
                g.writeStringField("type", "string");
                g.writeStringField("pattern", "^\\s*[0-9]+(\\.[0-9]+)?\\s*(" + String.join("|", units) + ")\\s*$");
                g.writeEndObject();
                g.writeStartObject();
                g.writeNumberField("const", 0);
                g.writeEndObject();
                g.writeEndArray();
            }
        }
    }

    /** An object's title and, when there is one, its description: its first keys. */
    private static void describe(JsonGenerator g, String title, String description) throws IOException {
        g.writeStringField("title", title);
        if (description != null) {
            g.writeStringField("description", description);
        }
    }
}

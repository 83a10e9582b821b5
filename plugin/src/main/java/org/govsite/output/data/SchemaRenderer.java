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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON Schema (draft-07) of report.yaml, generated from the format definitions, for editors: with the VS Code
 * YAML extension it completes keys, shows the official labels on hover and flags typos. The schema only helps
 * typing; the build's own checks remain the authority.
 */
public final class SchemaRenderer {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SchemaRenderer() {
    }

    public static byte[] render(FormatCatalog formats, String id) throws IOException {
        ObjectNode root = F.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        if (id != null) {
            root.put("$id", id);
        }
        root.put("title", "政府信息公开工作年度报告 report.yaml");
        root.put("description", "report.yaml 的结构：元数据和统计表格。由报告格式定义生成。");
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        props.set("year", describe(F.objectNode().put("type", "integer").put("minimum", 2000).put("maximum", 2100),
                "报告年度", "四位年份，与文件夹名一致"));
        ArrayNode ids = F.arrayNode();
        formats.all().forEach(f -> ids.add(f.id()));
        ids.add("none");
        ObjectNode format = describe(F.objectNode(), "报告格式",
                "格式代码：" + String.join("、", formats.all().stream().map(f -> f.id() + "（" + f.title() + "）")
                        .toList()) + "；无表格的报告写 none");
        format.put("type", "string");
        format.set("enum", ids);
        props.set("format", format);
        props.set("title", describe(F.objectNode().put("type", "string"), "报告标题", null));
        props.set("published", describe(F.objectNode().put("type", "string")
                .put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), "发布日期", "YYYY-MM-DD"));
        props.set("publisher", describe(F.objectNode().put("type", "string"), "发布机构", null));
        props.set("index_no", describe(F.objectNode().put("type", "string"), "索引号", null));
        props.set("sample", describe(F.objectNode().put("type", "boolean"), "示例数据",
                "演示用的虚构数据，页面上标为“示例数据”"));
        props.set("tables", describe(F.objectNode().put("type", "object"), "统计表格", "按报告格式填写的表格"));
        root.putArray("required").add("year");
        root.put("additionalProperties", false);
        ObjectNode defs = root.putObject("definitions");
        ArrayNode allOf = root.putArray("allOf");
        for (FormatDefinition f : formats.all()) {
            String name = "tables-" + f.id();
            defs.set(name, tables(f));
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
        String text = mapper.writer(new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent))
                .writeValueAsString(root);
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode tables(FormatDefinition f) {
        ObjectNode node = describe(F.objectNode().put("type", "object"), f.title(), null);
        ObjectNode props = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        for (TableDef t : f.tables()) {
            props.set(t.key(), table(t, f.units().stream().map(Unit::name).toList()));
            required.add(t.key());
        }
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode table(TableDef t, List<String> units) {
        ObjectNode node = describe(F.objectNode().put("type", "object"), t.caption(), null);
        ObjectNode props = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        if (t.layout() == Layout.BLOCKS) {
            for (Block b : t.blocks()) {
                ObjectNode block = describe(F.objectNode().put("type", "object"), b.label(), null);
                ObjectNode rows = block.putObject("properties");
                ArrayNode req = block.putArray("required");
                for (Header r : b.rows()) {
                    rows.set(r.key(), leafRow(r, b.columns(), units));
                    req.add(r.key());
                }
                block.put("additionalProperties", false);
                props.set(b.key(), block);
                required.add(b.key());
            }
        } else {
            for (Header r : t.rows()) {
                props.set(r.key(), row(r, t.columnLeaves(), units));
                required.add(r.key());
            }
        }
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode row(Header r, List<Header> columns, List<String> units) {
        if (r.isLeaf()) {
            return leafRow(r, columns, units);
        }
        ObjectNode node = describe(F.objectNode().put("type", "object"), r.label(), null);
        ObjectNode props = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        for (Header c : r.children()) {
            props.set(c.key(), row(c, columns, units));
            required.add(c.key());
        }
        node.put("additionalProperties", false);
        return node;
    }

    /** A leaf row: a list of values in column order, or a mapping by column key. */
    private static ObjectNode leafRow(Header r, List<Header> columns, List<String> units) {
        String order = String.join("、", columns.stream().map(Header::label).toList());
        ObjectNode node = describe(F.objectNode(), r.label(), "按列顺序填写 " + columns.size() + " 个数值：" + order
                + "；或按列代码写成映射");
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

    private static ObjectNode value(Header column, List<String> units) {
        ObjectNode v = describe(F.objectNode(), column.label(), null);
        ValueKind kind = column.kind() == null ? ValueKind.COUNT : column.kind();
        switch (kind) {
            case COUNT -> v.put("type", "integer").put("minimum", 0);
            case SIGNED -> {
                ArrayNode any = v.putArray("anyOf");
                any.addObject().put("type", "integer");
                any.addObject().put("type", "string").put("pattern", "^[+-]?[0-9]+$");
            }
            case AMOUNT -> v.put("type", "number").put("minimum", 0);
            case AMOUNT_WITH_UNIT -> v.put("type", "string")
                    .put("pattern", "^\\s*[0-9]+(\\.[0-9]+)?\\s*(" + String.join("|", units) + ")\\s*$");
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

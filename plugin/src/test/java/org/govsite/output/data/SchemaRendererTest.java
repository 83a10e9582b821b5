package org.govsite.output.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.govsite.ArchiveFixtures;
import org.govsite.format.FormatCatalog;
import org.govsite.output.PageText;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON Schema is generated from the format definitions and knows every key the sample reports use. */
class SchemaRendererTest {
    @Test
    void everyKeyOfEverySampleReportIsInTheSchema() throws Exception {
        byte[] bytes = SchemaRenderer.render(FormatCatalog.builtIn(), null, PageText.builtIn());
        JsonNode schema = new ObjectMapper().readTree(bytes);
        assertEquals("http://json-schema.org/draft-07/schema#", schema.get("$schema").asText());
        assertEquals("收到和处理政府信息公开申请情况", schema.at("/definitions/tables-2021/properties/applications/title")
                .asText());
        assertEquals(7, schema.at("/definitions/tables-2021/properties/applications/properties/new/oneOf/0/maxItems")
                .asInt());
        assertTrue(new String(bytes, StandardCharsets.UTF_8).indexOf('\r') < 0);
        try (Stream<Path> s = Files.walk(ArchiveFixtures.SAMPLE.resolve("reports"))) {
            for (Path yaml : s.filter(p -> p.getFileName().toString().equals("report.yaml")).sorted().toList()) {
                JsonNode report = new YAMLMapper().readTree(Files.readString(yaml, StandardCharsets.UTF_8));
                for (Iterator<String> it = report.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    assertTrue(schema.get("properties").has(key), yaml + ": " + key);
                }
                if (report.has("tables")) {
                    JsonNode tables = schema.at("/definitions/tables-" + report.get("format").asText());
                    known(report.get("tables"), tables, yaml + ": tables");
                }
            }
        }
    }

    /** Every mapping key of {@code node} is a property of {@code schema} (or of its mapping alternative). */
    private static void known(JsonNode node, JsonNode schema, String where) {
        if (!node.isObject()) {
            return;
        }
        JsonNode props = schema.has("properties") ? schema.get("properties")
                : schema.at("/oneOf/1/properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertTrue(props.has(e.getKey()), where + "." + e.getKey() + " not in " + List.of(props.fieldNames()));
            known(e.getValue(), props.get(e.getKey()), where + "." + e.getKey());
        }
    }
}

package org.govsite.output.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.govsite.ArchiveFixtures;
import org.govsite.pipeline.BuildResult;
import org.govsite.format.FormatCatalog;
import org.govsite.format.Header;
import org.govsite.format.Layout;
import org.govsite.format.TableDef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The open data carries exactly the numbers of the YAML: every cell, nothing more, as JSON and as CSV. */
class OpenDataRoundTripTest {
    @TempDir
    static Path tmp;
    static Path site;
    static Path source;

    @BeforeAll
    static void build() throws IOException {
        source = ArchiveFixtures.copy(ArchiveFixtures.SAMPLE, tmp.resolve("project"));
        site = tmp.resolve("out");
        BuildResult result = ArchiveFixtures.generate(tmp.resolve("project"), source, site, null);
        assertTrue(result.published(), () -> result.findings().toString());
    }

    /**
     * (table, row path, column key) → value, read from report.yaml independently of the plugin's loader; {@code null}
     * for a cell blank or "/" as published.
     */
    static Map<String, BigDecimal> yamlCells(Path reportYaml) throws IOException {
        JsonNode root = new YAMLMapper().readTree(Files.readString(reportYaml, StandardCharsets.UTF_8));
        Map<String, BigDecimal> out = new HashMap<>();
        if (!root.has("tables")) {
            return out;
        }
        var format = FormatCatalog.builtIn().byId(root.get("format").asText()).orElseThrow();
        for (TableDef t : format.tables()) {
            JsonNode table = root.get("tables").get(t.key());
            for (Header row : t.rowLeaves()) {
                JsonNode node = table;
                for (String part : row.path().split("\\.")) {
                    node = node.get(part);
                }
                List<Header> columns = t.columnsOf(row);
                for (int i = 0; i < columns.size(); i++) {
                    JsonNode v = node.isArray() ? node.get(i) : node.get(columns.get(i).key());
                    String text = v.isNull() ? "" : v.asText().trim();
                    String key = t.key() + "|" + row.path() + "|" + columns.get(i).key();
                    if (text.isEmpty() || text.equals("/")) {
                        out.put(key, null);
                    } else {
                        out.put(key, new BigDecimal(text.replaceAll("[^0-9.+-]", "").replace("+", "")));
                    }
                }
            }
            assertTrue(t.layout() != Layout.BLOCKS || !t.blocks().isEmpty());
        }
        return out;
    }

    static List<Path> reports() throws IOException {
        try (Stream<Path> s = Files.walk(source.resolve("reports"))) {
            return s.filter(p -> p.getFileName().toString().equals("report.yaml")).sorted().toList();
        }
    }

    @Test
    void jsonAndCsvCarryExactlyTheYamlNumbers() throws IOException {
        int checked = 0;
        for (Path yaml : reports()) {
            Map<String, BigDecimal> expected = yamlCells(yaml);
            String agency = yaml.getParent().getParent().getFileName().toString();
            String year = yaml.getParent().getFileName().toString();
            Path json = site.resolve("agencies/" + agency + "/" + year + ".json");
            Path csv = site.resolve("agencies/" + agency + "/" + year + ".csv");
            assertTrue(Files.exists(json) && Files.exists(csv), json.toString());

            Map<String, BigDecimal> fromJson = new HashMap<>();
            JsonNode doc = new ObjectMapper().readTree(Files.readAllBytes(json));
            for (JsonNode t : doc.get("tables")) {
                for (JsonNode c : t.get("cells")) {
                    String key = t.get("key").asText() + "|" + c.get("row").asText() + "|" + c.get("column").asText();
                    assertFalse(fromJson.containsKey(key), "a cell twice in " + json);
                    if (c.get("value").isNull()) {
                        assertTrue(Set.of("blank", "not_applicable").contains(c.get("status").asText()), key);
                        fromJson.put(key, null);
                    } else {
                        assertFalse(c.has("status"), key);
                        fromJson.put(key, c.get("value").decimalValue());
                    }
                }
            }
            assertSameNumbers(expected, fromJson, json.toString());

            Map<String, BigDecimal> fromCsv = new HashMap<>();
            List<List<String>> rows = readCsv(csv);
            assertEquals(List.of("表格代码", "表格", "行代码", "行", "列代码", "列", "数值", "单位", "状态"), rows.get(0));
            for (List<String> r : rows.subList(1, rows.size())) {
                fromCsv.put(r.get(0) + "|" + r.get(2) + "|" + r.get(4), csvValue(r.get(6), r.get(8)));
            }
            assertEquals(rows.size() - 1, fromCsv.size(), "a cell twice in " + csv);
            assertSameNumbers(expected, fromCsv, csv.toString());
            checked += expected.size();
        }
        assertTrue(checked > 1000, "cells compared: " + checked);
    }

    @Test
    void datasetHoldsEveryCellOfEveryReportInLongFormat() throws IOException {
        List<List<String>> rows = readCsv(site.resolve("data/govsite-reports.csv"));
        assertEquals(List.of("机构代码", "机构", "年度", "格式", "表格代码", "表格", "行代码", "行", "列代码", "列", "数值",
                "单位", "状态"), rows.get(0));
        Map<String, BigDecimal> all = new HashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            all.put(r.get(0) + "/" + r.get(2) + "|" + r.get(4) + "|" + r.get(6) + "|" + r.get(8),
                    csvValue(r.get(10), r.get(12)));
        }
        Map<String, BigDecimal> expected = new HashMap<>();
        for (Path yaml : reports()) {
            String prefix = yaml.getParent().getParent().getFileName() + "/" + yaml.getParent().getFileName() + "|";
            yamlCells(yaml).forEach((k, v) -> expected.put(prefix + k, v));
        }
        assertEquals(rows.size() - 1, all.size());
        assertSameNumbers(expected, all, "dataset");
    }

    private static void assertSameNumbers(Map<String, BigDecimal> expected, Map<String, BigDecimal> actual,
                                          String where) {
        assertEquals(new java.util.TreeSet<>(expected.keySet()), new java.util.TreeSet<>(actual.keySet()), where);
        expected.forEach((k, v) -> assertTrue(v == null ? actual.get(k) == null : v.compareTo(actual.get(k)) == 0,
                where + " " + k + ": " + v + " ≠ " + actual.get(k)));
    }

    /** A CSV value with its status: a number, or empty (never 0) for a cell blank or "/" as published. */
    private static BigDecimal csvValue(String value, String status) {
        if (status.equals("number")) {
            return new BigDecimal(value);
        }
        assertTrue(Set.of("blank", "not_applicable").contains(status), status);
        assertEquals("", value, "a blank is empty in open data, never 0");
        return null;
    }

    /** Reads a CSV that must start with a BOM and be valid UTF-8; RFC 4180 quoting. */
    static List<List<String>> readCsv(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF, "BOM at the start of " + file);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 3, bytes.length - 3)).toString();
        assertFalse(text.isEmpty());
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(row.isEmpty() && field.length() == 0, "CSV ends with CRLF");
        return rows;
    }
}

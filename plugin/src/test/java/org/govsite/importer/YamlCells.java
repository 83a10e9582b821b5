package org.govsite.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report.yaml's tables flattened to one entry per cell ({@code applications.new[6]} → {@code 13}), with each cell
 * as written: a number in plain form, {@code ~} for blank, {@code /}, or an amount with its unit. For comparing an
 * imported report with an expected one cell by cell, without the loader.
 */
final class YamlCells {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlCells() {
    }

    static Map<String, String> of(Path file) {
        try {
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> of(String yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            Map<String, String> out = new TreeMap<>();
            flatten(root.path("tables"), "", out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isNull() || node.isMissingNode() || node.asText().isEmpty()) {
            out.put(path, "~");
        } else if (node.isNumber()) {
            out.put(path, node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            out.put(path, node.asText());
        }
    }
}

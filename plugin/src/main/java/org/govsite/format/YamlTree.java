package org.govsite.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A format file as a tree of YAML nodes that know their line, read with Jackson's streaming YAML parser. A syntax
 * error or a duplicate key is a {@link FormatDefinitionException} at its line; the line of a syntax error is
 * SnakeYAML's problem mark, never parsed out of a message.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTree() {
    }

    sealed interface Node permits Mapping, Sequence, Scalar {
        int line();
    }

    /** A mapping: keys in document order, each with the line of the key. */
    record Mapping(Map<String, Node> entries, Map<String, Integer> keyLines, int line) implements Node {
        Optional<Node> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    record Sequence(List<Node> items, int line) implements Node {
    }

    /** @param text {@code null} for a null value */
    record Scalar(String text, int line) implements Node {
    }

    static Node parse(String text, String source) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw new FormatDefinitionException(source, "empty file");
            }
            return node(p, source);
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                    throw new FormatDefinitionException(source, m.getProblemMark().getLine() + 1,
                            "YAML: " + m.getProblem());
                }
            }
            JsonLocation at = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation()
                    : null;
            throw new FormatDefinitionException(source, at == null ? 0 : Math.max(at.getLineNr(), 0),
                    "YAML: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                            ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static Node node(JsonParser p, String source) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    int keyLine = p.currentTokenLocation().getLineNr();
                    String key = p.currentName();
                    p.nextToken();
                    Node value = node(p, source);
                    if (entries.putIfAbsent(key, value) != null) {
                        throw new FormatDefinitionException(source, keyLine, "the key '" + key
                                + "' is written twice (first at line " + keyLines.get(key) + ")");
                    }
                    keyLines.put(key, keyLine);
                }
                return new Mapping(entries, keyLines, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, source));
                }
                return new Sequence(List.copyOf(items), line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, line);
            }
            default -> {
                return new Scalar(p.getText(), line);
            }
        }
    }
}

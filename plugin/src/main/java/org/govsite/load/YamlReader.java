package org.govsite.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Messages;
import org.govsite.diagnostics.Rule;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YAML into {@link YamlNode}s with positions, through Jackson's streaming YAML parser. A syntax error and a
 * duplicate key are findings, not exceptions.
 */
final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    /** Deeper than any report needs, shallow enough that reading cannot exhaust the stack. */
    static final int MAX_DEPTH = 64;
    private static final Pattern MARK = Pattern.compile("in '[^']*', line (\\d+), column (\\d+)");

    private final String path;
    private final Messages messages;
    private final Consumer<Finding> findings;

    YamlReader(String path, Messages messages, Consumer<Finding> findings) {
        this.path = path;
        this.messages = messages;
        this.findings = findings;
    }

    /** The document's root, or empty after a syntax error (reported) or for an empty document. */
    Optional<YamlNode> read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            YamlNode root = node(parser, 0);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                findings.accept(Finding.of(Rule.Y1, path, at.getLineNr(), at.getColumnNr(),
                        messages.text("Y1.documents")));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (Refused e) {
            findings.accept(Finding.of(Rule.Y1, path, e.line, e.column, e.message));
            return Optional.empty();
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            // The YAML scanner names the problem's own position last ("in 'reader', line 13, column 1"); the
            // parser's location may be the end of the last token before it, a line too early.
            Matcher marks = MARK.matcher(original);
            List<String> positions = new ArrayList<>();
            while (marks.find()) {
                line = Integer.parseInt(marks.group(1));
                column = Integer.parseInt(marks.group(2));
                positions.add(marks.group(1) + ":" + marks.group(2));
            }
            List<String> parts = new ArrayList<>();
            original.lines().filter(l -> !l.isBlank() && !l.startsWith(" ") && !MARK.matcher(l).find())
                    .forEach(l -> parts.add(l.trim()));
            String cause = String.join("; ", parts);
            if (positions.size() > 1) {
                cause += " (" + positions.get(0) + ")";
            }
            findings.accept(Finding.of(Rule.Y1, path, line, column, messages.text("Y1.syntax", cause)));
            return Optional.empty();
        } catch (IOException e) {
            findings.accept(Finding.of(Rule.Y1, path, 0, 0, messages.text("Y1.syntax", e.getMessage())));
            return Optional.empty();
        }
    }

    /** A construct this reader does not take, at its position. */
    private static final class Refused extends RuntimeException {
        private final int line;
        private final int column;
        private final String message;

        Refused(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
            this.message = message;
        }
    }

    private YamlNode node(JsonParser p, int depth) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = p.currentToken();
        if (depth > MAX_DEPTH) {
            throw new Refused(line, column, messages.text("Y1.depth", MAX_DEPTH));
        }
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw new Refused(line, column, messages.text("Y1.alias", p.getText()));
        }
        switch (token) {
            case START_OBJECT: {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = p.currentTokenLocation();
                    String key = p.currentName();
                    p.nextToken();
                    YamlNode value = node(p, depth + 1);
                    if (!seen.add(key)) {
                        findings.accept(Finding.of(Rule.Y2, path, keyAt.getLineNr(), keyAt.getColumnNr(),
                                messages.text("Y2.duplicate", key)));
                    } else {
                        entries.add(new YamlNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
                    }
                }
                return new YamlNode.Mapping(entries, line, column);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, depth + 1));
                }
                return new YamlNode.Sequence(items, line, column);
            }
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(p.getText(), YamlNode.Scalar.Type.INTEGER, line, column);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(p.getText(), YamlNode.Scalar.Type.DECIMAL, line, column);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(p.getText(), YamlNode.Scalar.Type.BOOLEAN, line, column);
            case VALUE_NULL:
                return new YamlNode.Scalar(null, YamlNode.Scalar.Type.NULL, line, column);
            default:
                return new YamlNode.Scalar(p.getText(), YamlNode.Scalar.Type.STRING, line, column);
        }
    }
}

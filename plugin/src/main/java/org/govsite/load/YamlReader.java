package org.govsite.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.FileDiagnostics;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.govsite.diagnostics.Rule;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YAML into {@link YamlNode}s with positions, through Jackson's streaming YAML parser. A syntax error and a
 * duplicate key are findings, not exceptions.
 */
final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    /** Deeper than any report needs, shallow enough that reading cannot exhaust the stack. */
    static final int MAX_DEPTH = 64;

    private final FileDiagnostics diagnostics;

    YamlReader(FileDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The document's root, or empty after a syntax error (reported) or for an empty document. */
    Optional<YamlNode> read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    return Optional.empty();
                }
                YamlNode root = node(parser, 0);
                if (parser.nextToken() != null) {
                    JsonLocation at = parser.currentTokenLocation();
                    diagnostics.report(Rule.Y1, at.getLineNr(), at.getColumnNr(), "Y1.documents");
                    return Optional.empty();
                }
                return Optional.of(root);
            } catch (Refused e) {
                diagnostics.report(Rule.Y1, e.line, e.column, e.message);
            } catch (StreamReadException e) {
                syntax(e, e.getLocation());
            } catch (IOException e) {
                // a limit of the parser (nesting depth, number length): where the parser stands
                syntax(e, parser.currentLocation());
            }
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.report(Rule.Y1, 0, 0, "Y1.syntax", String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * A syntax error at the YAML scanner's problem mark, the problem's own position (the parser's location may be
     * the end of the last token before it, a line too early), else at {@code at}.
     */
    private void syntax(IOException e, JsonLocation at) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                Mark mark = m.getProblemMark();
                String cause = m.getProblem() == null ? "" : m.getProblem();
                if (m.getContextMark() != null && m.getContext() != null) {
                    cause = m.getContext() + "; " + cause + " (" + (m.getContextMark().getLine() + 1) + ":"
                            + (m.getContextMark().getColumn() + 1) + ")";
                }
                diagnostics.report(Rule.Y1, mark.getLine() + 1, mark.getColumn() + 1, "Y1.syntax", cause);
                return;
            }
        }
        String cause = e instanceof JacksonException j && j.getOriginalMessage() != null
                ? j.getOriginalMessage() : String.valueOf(e.getMessage());
        diagnostics.report(Rule.Y1, at == null ? 0 : Math.max(at.getLineNr(), 0),
                at == null ? 0 : Math.max(at.getColumnNr(), 0), "Y1.syntax", cause);
    }

    /** A construct this reader does not take, at its position. */
    private static final class Refused extends RuntimeException {
        private final int line;
        private final int column;
        private final transient Message message;

        Refused(int line, int column, Message message) {
            super(message.key(), null, false, false);
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
            throw new Refused(line, column, Message.of("Y1.depth", MAX_DEPTH));
        }
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw new Refused(line, column, Message.of("Y1.alias", Message.typed(p.getText())));
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
                        diagnostics.report(Rule.Y2, keyAt.getLineNr(), keyAt.getColumnNr(), Message.of("Y2.duplicate", key));
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

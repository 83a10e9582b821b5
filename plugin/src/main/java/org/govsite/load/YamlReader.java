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

    private final FileDiagnostics diagnostics;

    YamlReader(FileDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * A key followed by a full-width colon (year：2024): YAML reads the line as one piece of text, so it is found
     * before parsing.
     */
    private static final Pattern FULL_WIDTH_COLON = Pattern.compile("^ *(?:- +)?([A-Za-z_][A-Za-z0-9_]*) *：");
    /** The same inside a flow mapping: {issued： 0}. */
    private static final Pattern FLOW_KEY_COLON = Pattern.compile("[{,] *([A-Za-z_][A-Za-z0-9_]*) *：");
    /** A flow list or mapping after a key (new: [1, 2]), up to its end or a comment. */
    private static final Pattern FLOW = Pattern.compile("^ *(?:- +)?[A-Za-z_][A-Za-z0-9_]* *: *[\\[{][^\\]}#\"']*");

    /** The document's root, or empty after a syntax error (reported) or for an empty document. */
    Optional<YamlNode> read(String text) {
        if (fullWidthPunctuation(text)) {
            return Optional.empty();
        }
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
                syntax(e, e.getLocation(), text);
            } catch (IOException e) {
                // a limit of the parser (nesting depth, number length): where the parser stands
                syntax(e, parser.currentLocation(), text);
            }
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.report(Rule.Y1, 0, 0, "Y1.syntax", String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Full-width punctuation where YAML needs its own (a colon after a key, a comma between the values of a list),
     * typed with a Chinese input method: one finding a line, at the character; true when there was any.
     */
    private boolean fullWidthPunctuation(String text) {
        boolean found = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher colon = FULL_WIDTH_COLON.matcher(line);
            if (colon.find()) {
                diagnostics.report(Rule.Y1, i + 1, column(line, colon.end() - 1), "Y1.fullWidthColon", colon.group(1));
                found = true;
                continue;
            }
            Matcher flow = FLOW.matcher(line);
            if (flow.find()) {
                String values = flow.group();
                Matcher key = FLOW_KEY_COLON.matcher(values);
                if (key.find()) {
                    diagnostics.report(Rule.Y1, i + 1, column(line, key.end() - 1), "Y1.fullWidthColon", key.group(1));
                    found = true;
                    continue;
                }
                for (int at = 0; at < values.length(); at++) {
                    char c = values.charAt(at);
                    if (c == '，' || c == '、') {
                        diagnostics.report(Rule.Y1, i + 1, column(line, at), "Y1.fullWidthComma", String.valueOf(c));
                        found = true;
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static int column(String line, int index) {
        return line.codePointCount(0, index) + 1;
    }

    /**
     * A syntax error in words a webmaster can act on, at the position SnakeYAML marks: the opening bracket of a list
     * left open, the tab, the empty item. The parser's own (English) text is kept for English messages only.
     */
    private void syntax(MarkedYAMLException m, String text) {
        Mark problem = m.getProblemMark();
        Mark context = m.getContextMark();
        String what = m.getProblem() == null ? "" : m.getProblem();
        String where = m.getContext() == null ? "" : m.getContext();
        String cause = where.isEmpty() ? what : where + "; " + what;
        char at = charAt(text, problem.getIndex());
        if (at == '\t' || what.contains("\\t(TAB)")) {
            diagnostics.report(Rule.Y1, problem.getLine() + 1, problem.getColumn() + 1, "Y1.tab", cause);
        } else if (at == ',' && what.contains("expected the node content")) {
            diagnostics.report(Rule.Y1, problem.getLine() + 1, problem.getColumn() + 1, "Y1.emptyItem", cause);
        } else if (context != null && where.contains("flow sequence")) {
            diagnostics.report(Rule.Y1, context.getLine() + 1, context.getColumn() + 1, "Y1.unclosedBracket", cause);
        } else if (context != null && where.contains("flow mapping")) {
            diagnostics.report(Rule.Y1, context.getLine() + 1, context.getColumn() + 1, "Y1.unclosedBrace", cause);
        } else if (context != null && where.contains("quoted scalar")) {
            diagnostics.report(Rule.Y1, context.getLine() + 1, context.getColumn() + 1, "Y1.unclosedQuote", cause);
        } else {
            diagnostics.report(Rule.Y1, problem.getLine() + 1, problem.getColumn() + 1, "Y1.syntax", cause);
        }
    }

    private static char charAt(String text, int index) {
        return index >= 0 && index < text.length() ? text.charAt(index) : 0;
    }

    /**
     * A syntax error at the YAML scanner's problem mark, the problem's own position (the parser's location may be
     * the end of the last token before it, a line too early), else at {@code at}.
     */
    private void syntax(IOException e, JsonLocation at, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                syntax(m, text);
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

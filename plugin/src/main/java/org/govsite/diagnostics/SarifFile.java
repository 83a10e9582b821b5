package org.govsite.diagnostics;


import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the findings as SARIF 2.1.0, for code-scanning tools and CI annotations. One run; the driver lists every
 * rule code with its title and default level; each result names its file relative to the project ({@code %SRCROOT%})
 * and, when known, its line and column. No timestamps: identical findings give an identical file.
 */
public final class SarifFile {
    static final String VERSION = "2.1.0";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifFile() {
    }

    /**
     * @param rules every code the build can report ({@link Rule#known}); the driver lists them in this order
     */
    public static void write(Path file, List<Finding> findings, List<Rule> rules, Locale locale) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", VERSION);
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "govsite");
            g.writeArrayFieldStart("rules");
            for (Rule r : rules) {
                g.writeStartObject();
                g.writeStringField("id", r.code());
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", r.title(locale));
                g.writeEndObject();
                g.writeObjectFieldStart("defaultConfiguration");
                g.writeStringField("level", level(r.severity()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("originalUriBaseIds");
            g.writeObjectFieldStart("%SRCROOT%");
            g.writeObjectFieldStart("description");
            g.writeStringField("text", "the project folder");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("ruleId", f.rule().code());
                int index = rules.indexOf(f.rule());
                if (index >= 0) {
                    g.writeNumberField("ruleIndex", index);
                }
                g.writeStringField("level", level(f.severity()));
                g.writeObjectFieldStart("message");
                g.writeStringField("text", f.message(locale));
                g.writeEndObject();
                g.writeArrayFieldStart("locations");
                g.writeStartObject();
                g.writeObjectFieldStart("physicalLocation");
                g.writeObjectFieldStart("artifactLocation");
                g.writeStringField("uri", uri(f.file()));
                g.writeStringField("uriBaseId", "%SRCROOT%");
                g.writeEndObject();
                if (f.line() > 0) {
                    g.writeObjectFieldStart("region");
                    g.writeNumberField("startLine", f.line());
                    if (f.column() > 0) {
                        g.writeNumberField("startColumn", f.column());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative path as a URI reference: '/' kept, everything outside the unreserved set percent-encoded. */
    static String uri(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}

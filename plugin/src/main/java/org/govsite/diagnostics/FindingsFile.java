package org.govsite.diagnostics;


import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.govsite.diagnostics.Finding;
import org.govsite.model.Term;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the findings as JSON, for CI annotations and tools. */
public final class FindingsFile {
    private FindingsFile() {
    }

    public static void write(Path file, List<Finding> findings, int reports, boolean failed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("reports", reports);
            g.writeBooleanField("failed", failed);
            g.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("severity", f.severity().name().toLowerCase(Locale.ROOT));
                g.writeStringField("rule", f.rule().name());
                g.writeStringField("file", f.file());
                g.writeNumberField("line", f.line());
                g.writeNumberField("column", f.column());
                g.writeStringField("message", f.message());
                List<Term> numbers = f.numbers();
                if (!numbers.isEmpty()) {
                    g.writeArrayFieldStart("numbers");
                    for (Term t : numbers) {
                        g.writeStartObject();
                        g.writeStringField("label", t.label());
                        g.writeNumberField("value", t.value());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}

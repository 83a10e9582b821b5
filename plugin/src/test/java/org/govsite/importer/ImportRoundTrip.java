package org.govsite.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers for round-trip tests in other packages: a report.yaml's cells, a report.md's text. */
public final class ImportRoundTrip {
    private ImportRoundTrip() {
    }

    public static Map<String, String> cells(Path reportYaml) {
        return YamlCells.of(reportYaml);
    }

    public static Map<String, String> cellsOf(String yaml) {
        return YamlCells.of(yaml);
    }

    /** The paragraphs of a report.md as a reader sees them: no comments, no Markdown markers. */
    public static List<String> narrativeText(Path reportMd) {
        try {
            String md = Files.readString(reportMd, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
            List<String> out = new ArrayList<>();
            for (String line : plain(md).split("\n")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Markdown's markers and escapes taken away: headings, bold, escapes. */
    public static String plain(String md) {
        return SeedImportTest.unescaped(md).replaceAll("(?m)^#{1,6} ", "").replace("**", "");
    }
}

package org.govsite.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text copied from a portal page or from Word: one line per paragraph, tables as tab- or space-separated
 * lines. Empty lines are dropped; every other line is kept as it is (tabs included: recognition splits them).
 */
final class TextSource {
    private TextSource() {
    }

    static List<SourceLine> lines(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<SourceLine> out = new ArrayList<>();
        String[] lines = body.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripEnd(lines[i].replace('\u00A0', ' '));
            if (!line.isBlank()) {
                out.add(SourceLine.text(i + 1, line));
            }
        }
        return out;
    }

    /** Drops trailing spaces but keeps trailing tabs (an empty last cell). */
    private static String stripEnd(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) != '\t' && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }
}

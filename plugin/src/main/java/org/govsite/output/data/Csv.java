package org.govsite.output.data;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 CSV: CRLF line ends, fields quoted where needed; UTF-8 with a BOM so that Excel reads Chinese. */
public final class Csv {
    public static final char BOM = '\uFEFF';
    static final String EOL = "\r\n";

    private Csv() {
    }

    public static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write(EOL);
    }

    /** A number as open data writes it: it may start with '-' and stays a number. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    static String field(String text) {
        String t = neutralise(text == null ? "" : text);
        if (t.indexOf(',') < 0 && t.indexOf('"') < 0 && t.indexOf('\n') < 0 && t.indexOf('\r') < 0) {
            return t;
        }
        return '"' + t.replace("\"", "\"\"") + '"';
    }

    /**
     * OWASP's rule against CSV formula injection: a cell that begins with {@code = + - @}, a tab or a carriage return
     * gets a leading apostrophe, so that a spreadsheet shows it as text instead of running it. Plain numbers
     * ({@code -1}) stay numbers.
     */
    static String neutralise(String t) {
        if (t.isEmpty()) {
            return t;
        }
        char c = t.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return t; // the common case, without the regex
        }
        return NUMBER.matcher(t).matches() ? t : "'" + t;
    }
}

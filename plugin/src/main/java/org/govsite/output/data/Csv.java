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

    static String field(String text) {
        String t = text == null ? "" : text;
        if (t.indexOf(',') < 0 && t.indexOf('"') < 0 && t.indexOf('\n') < 0 && t.indexOf('\r') < 0) {
            return t;
        }
        return '"' + t.replace("\"", "\"\"") + '"';
    }
}

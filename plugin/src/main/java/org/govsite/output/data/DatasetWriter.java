package org.govsite.output.data;

import org.govsite.model.Report;
import org.govsite.model.ReportSummary;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.Paths;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.io.StringWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole archive as one dataset in long format, one row per value cell of every published report: agency, year,
 * table, row, column, value. UTF-8 with a BOM, CRLF. Shares nothing mutable.
 */
public final class DatasetWriter implements ArchiveOutput {
    /** The dataset's header: agency and year columns, then the columns of a report's CSV. */
    public static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(List.of("机构代码", "机构", "年度", "格式"));
        h.addAll(OpenDataWriter.CSV_HEADER);
        HEADER = List.copyOf(h);
    }

    /**
     * Each report's rows are read back from its CSV, already written by {@link OpenDataWriter}, with the agency and
     * year columns put before each record: the archive keeps no tables, and the dataset cannot differ from the
     * reports' own files. Bytes are copied as they are (a record ends at a CRLF outside quotes; in UTF-8 no byte of a
     * multi-byte character is a quote, CR or LF), never decoded and encoded again: at 20,000 reports the dataset is
     * about 1 GB.
     */
    @Override
    public void write(ArchiveIndex archive, OutputSink out) throws IOException {
        try (OutputStream o = out.stream(Paths.DATASET)) {
            StringWriter head = new StringWriter();
            head.write(Csv.BOM);
            Csv.row(head, HEADER);
            o.write(head.toString().getBytes(StandardCharsets.UTF_8));
            for (ArchiveIndex.Entry e : archive.entries()) {
                ReportSummary s = e.summary();
                StringWriter lead = new StringWriter();
                Csv.row(lead, List.of(s.agencyId(), s.agencyName(), String.valueOf(s.year()),
                        s.formatId().orElse("")));
                String text = lead.toString();
                byte[] prefix = (text.substring(0, text.length() - Csv.EOL.length()) + ",")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] csv = out.read(Paths.reportData(s.agencyId(), s.year(), "csv"));
                int start = indexOf(csv, 0) + 2; // after the BOM and the header
                boolean quoted = false;
                for (int i = start; i < csv.length; i++) {
                    byte c = csv[i];
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (!quoted && c == '\r' && i + 1 < csv.length && csv[i + 1] == '\n') {
                        o.write(prefix);
                        o.write(csv, start, i + 2 - start);
                        i++;
                        start = i + 1;
                    }
                }
            }
        }
    }

    /** Where the first CRLF at or after {@code from} starts (the header has no quoted line ends). */
    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length - 2;
    }

    /** The number of value rows of a report in the dataset (and in its own CSV). */
    public static int rows(Report report) {
        return OpenDataWriter.rows(report).size();
    }

    /** The number of value rows in the dataset. */
    public static int rows(ArchiveIndex archive) {
        int rows = 0;
        for (ArchiveIndex.Entry e : archive.entries()) {
            rows += e.dataRows();
        }
        return rows;
    }
}

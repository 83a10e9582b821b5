package org.govsite.output.data;

import org.govsite.model.Report;
import org.govsite.model.ReportSummary;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.Paths;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
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
     * reports' own files.
     */
    @Override
    public void write(ArchiveIndex archive, OutputSink out) throws IOException {
        try (Writer w = out.open(Paths.DATASET)) {
            w.write(Csv.BOM);
            Csv.row(w, HEADER);
            for (ArchiveIndex.Entry e : archive.entries()) {
                ReportSummary s = e.summary();
                StringWriter lead = new StringWriter();
                Csv.row(lead, List.of(s.agencyId(), s.agencyName(), String.valueOf(s.year()),
                        s.formatId().orElse("")));
                String prefix = lead.toString();
                prefix = prefix.substring(0, prefix.length() - Csv.EOL.length()) + ",";
                String csv = new String(out.read(Paths.reportData(s.agencyId(), s.year(), "csv")),
                        StandardCharsets.UTF_8);
                int start = csv.indexOf(Csv.EOL) + Csv.EOL.length(); // after the BOM and the header
                boolean quoted = false;
                for (int i = start; i < csv.length(); i++) {
                    char c = csv.charAt(i);
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (!quoted && c == '\r' && csv.startsWith(Csv.EOL, i)) {
                        w.write(prefix);
                        w.write(csv, start, i + Csv.EOL.length() - start);
                        i += Csv.EOL.length() - 1;
                        start = i + 1;
                    }
                }
            }
        }
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

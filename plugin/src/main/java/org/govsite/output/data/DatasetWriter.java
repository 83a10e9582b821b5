package org.govsite.output.data;

import org.govsite.model.Report;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.Paths;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.io.Writer;
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

    @Override
    public void write(ArchiveIndex archive, OutputSink out) throws IOException {
        try (Writer w = out.open(Paths.DATASET)) {
            w.write(Csv.BOM);
            Csv.row(w, HEADER);
            for (ArchiveIndex.Entry e : archive.entries()) {
                Report report = e.tables();
                List<String> lead = List.of(report.agency().id(), report.agency().name(),
                        String.valueOf(report.year()), report.meta().formatId().orElse(""));
                for (List<String> cells : OpenDataWriter.rows(report)) {
                    List<String> row = new ArrayList<>(lead);
                    row.addAll(cells);
                    Csv.row(w, row);
                }
            }
        }
    }

    /** The number of value rows in the dataset. */
    public static int rows(ArchiveIndex archive) {
        int rows = 0;
        for (ArchiveIndex.Entry e : archive.entries()) {
            rows += OpenDataWriter.rows(e.tables()).size();
        }
        return rows;
    }
}

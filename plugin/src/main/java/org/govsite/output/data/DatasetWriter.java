package org.govsite.output.data;

import org.govsite.model.Report;
import org.govsite.output.Paths;
import org.govsite.output.write.SiteWriter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole archive as one dataset in long format, one row per value cell: agency, year, table, row, column, value.
 * Written as the reports stream past, so memory does not grow with the archive. UTF-8 with a BOM, CRLF.
 */
public final class DatasetWriter implements AutoCloseable {
    /** The dataset's header: agency and year columns, then the columns of a report's CSV. */
    public static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(List.of("机构代码", "机构", "年度", "格式"));
        h.addAll(OpenDataWriter.CSV_HEADER);
        HEADER = List.copyOf(h);
    }

    private final Writer out;
    private int rows;

    public DatasetWriter(SiteWriter site) throws IOException {
        this.out = site.open(Paths.DATASET);
        out.write(Csv.BOM);
        Csv.row(out, HEADER);
    }

    public void add(Report report) throws IOException {
        List<String> lead = List.of(report.agency().id(), report.agency().name(), String.valueOf(report.year()),
                report.meta().formatId().orElse(""));
        for (List<String> cells : OpenDataWriter.rows(report)) {
            List<String> row = new ArrayList<>(lead);
            row.addAll(cells);
            Csv.row(out, row);
            rows++;
        }
    }

    /** The number of value rows written so far. */
    public int rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

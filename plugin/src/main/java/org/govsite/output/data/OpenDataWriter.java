package org.govsite.output.data;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.govsite.format.CellDef;
import org.govsite.format.TableDef;
import org.govsite.model.Cell;
import org.govsite.model.Report;
import org.govsite.model.TableValues;
import org.govsite.output.Paths;
import org.govsite.output.ReportOutput;
import org.govsite.output.ReportToPublish;
import org.govsite.output.write.OutputSink;

import java.io.ByteArrayOutputStream;
import org.govsite.diagnostics.Finding;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A report's tables as open data, beside its page: {@code <year>.json} and {@code <year>.csv}. One record per value
 * cell, with the stable keys and the official labels of its table, row and column. Values are written exactly as
 * typed (plain decimal, no exponent); a missing cell is left out; a cell blank or "/" as published has an empty value
 * (null in JSON) and its status ({@code blank}, {@code not_applicable}), never 0. The JSON also has the report's
 * {@code status} (draft, published) and its {@code notes}: what the checks found. Shares only the Jackson factory
 * and each table's labels, both thread-safe.
 */
public final class OpenDataWriter implements ReportOutput {
    /** The header of a report's CSV. */
    public static final List<String> CSV_HEADER = List.of("表格代码", "表格", "行代码", "行", "列代码", "列", "数值", "单位",
            "状态");

    private static final JsonFactory JSON = new JsonFactory();

    /** Each table's labels, made once per table of a format rather than twice per report (by identity). */
    private final Map<TableDef, CellLabels> labels = new ConcurrentHashMap<>();

    @Override
    public void write(ReportToPublish published, OutputSink out) throws IOException {
        Report report = published.report();
        String id = report.agency().id();
        Function<TableDef, CellLabels> labelsOf = def -> labels.computeIfAbsent(def, CellLabels::of);
        out.write(Paths.reportData(id, report.year(), "json"), json(report, published.checked().findings(),
                labelsOf));
        try (Writer w = out.open(Paths.reportData(id, report.year(), "csv"))) {
            w.write(Csv.BOM);
            Csv.row(w, CSV_HEADER);
            for (List<String> row : rows(report, labelsOf)) {
                Csv.row(w, row);
            }
        }
    }

    /** The JSON document of a report without notes. */
    public static byte[] json(Report report) throws IOException {
        return json(report, List.of());
    }

    /**
     * The JSON document of a report, UTF-8, two-space indent, '\n' line ends on every platform.
     *
     * @param findings what the checks found: its warnings and notes are the document's {@code notes} (for a published
     *                 record, the disagreements its 数据核对 box lists), in Chinese
     */
    public static byte[] json(Report report, List<Finding> findings) throws IOException {
        return json(report, findings, CellLabels::of);
    }

    private static byte[] json(Report report, List<Finding> findings, Function<TableDef, CellLabels> labelsOf)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            DefaultIndenter indent = new DefaultIndenter("  ", "\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent));
            g.writeStartObject();
            g.writeObjectFieldStart("agency");
            g.writeStringField("id", report.agency().id());
            g.writeStringField("name", report.agency().name());
            g.writeEndObject();
            g.writeNumberField("year", report.year());
            g.writeStringField("title", report.meta().title());
            g.writeStringField("publisher", report.meta().publisher());
            g.writeStringField("published", report.meta().published().map(LocalDate::toString).orElse(null));
            g.writeStringField("format", report.meta().formatId().orElse(null));
            g.writeBooleanField("sample", report.meta().sample());
            g.writeStringField("status", report.meta().status().key());
            g.writeArrayFieldStart("notes");
            for (Finding f : findings.stream().sorted().toList()) {
                g.writeStartObject();
                g.writeStringField("rule", f.rule().code());
                g.writeStringField("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
                g.writeStringField("message", f.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tables");
            for (TableValues t : report.tables()) {
                CellLabels labels = labelsOf.apply(t.def());
                g.writeStartObject();
                g.writeStringField("key", t.def().key());
                g.writeStringField("caption", t.def().caption());
                g.writeArrayFieldStart("cells");
                for (CellDef c : t.def().cells()) {
                    Optional<Cell> cell = t.cell(c);
                    if (cell.isEmpty()) {
                        continue;
                    }
                    g.writeStartObject();
                    g.writeStringField("row", c.row().path());
                    g.writeStringField("rowLabel", labels.row(c));
                    g.writeStringField("column", c.column().key());
                    g.writeStringField("columnLabel", labels.column(c));
                    g.writeFieldName("value");
                    if (cell.get().isNumber()) {
                        g.writeNumber(cell.get().value().toPlainString());
                    } else {
                        g.writeNull();
                        g.writeStringField("status", status(cell.get()));
                    }
                    if (!cell.get().unit().isEmpty()) {
                        g.writeStringField("unit", cell.get().unit());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        return bytes.toByteArray();
    }

    /**
     * A cell's state in open data: {@code number}, or {@code blank} / {@code not_applicable} as published (their value
     * is empty, never 0).
     */
    static String status(Cell cell) {
        return cell.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The cells of a report as the rows of the whole-archive dataset (without its agency and year columns). */
    static List<List<String>> rows(Report report) {
        return rows(report, CellLabels::of);
    }

    private static List<List<String>> rows(Report report, Function<TableDef, CellLabels> labelsOf) {
        List<List<String>> out = new ArrayList<>();
        for (TableValues t : report.tables()) {
            CellLabels labels = labelsOf.apply(t.def());
            for (CellDef c : t.def().cells()) {
                t.cell(c).ifPresent(cell -> out.add(List.of(t.def().key(), t.def().caption(), c.row().path(),
                        labels.row(c), c.column().key(), labels.column(c),
                        cell.isNumber() ? cell.value().toPlainString() : "", cell.unit(), status(cell))));
            }
        }
        return out;
    }

    /** The number of {@link #rows} of a report, without making them: one per cell it has. */
    static int rowCount(Report report) {
        int n = 0;
        for (TableValues t : report.tables()) {
            for (CellDef c : t.def().cells()) {
                if (t.cell(c).isPresent()) {
                    n++;
                }
            }
        }
        return n;
    }
}

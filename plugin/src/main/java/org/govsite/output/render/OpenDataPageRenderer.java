package org.govsite.output.render;

import org.govsite.output.Paths;

import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.TableDef;
import org.govsite.output.data.DatasetWriter;
import org.govsite.output.data.OpenDataWriter;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.PageText;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the open data page (data/index.html): the files, their fields, and the tables of each format. Shares nothing
 * mutable.
 */
public final class OpenDataPageRenderer implements ArchiveOutput {
    private final Templates templates;
    private final PageText text;

    public OpenDataPageRenderer(Templates templates, PageText text) {
        this.templates = templates;
        this.text = text;
    }

    public record FormatView(String id, String title, String years, List<TableRow> tables) {
        public FormatView {
            tables = List.copyOf(tables);
        }
    }

    public record TableRow(String key, String caption, int cells) {
    }

    /**
     * @param datasetRows the number of value rows in the dataset
     */
    public record DataView(String datasetHref, String schemaHref, int datasetRows, List<String> reportColumns,
                           List<String> datasetColumns, List<FormatView> formats) {
        public DataView {
            reportColumns = List.copyOf(reportColumns);
            datasetColumns = List.copyOf(datasetColumns);
            formats = List.copyOf(formats);
        }
    }

    @Override
    public void write(ArchiveIndex archive, OutputSink out) throws IOException {
        FormatCatalog formats = archive.formats();
        int datasetRows = DatasetWriter.rows(archive);
        String root = Page.rootOf(Paths.DATA);
        List<FormatView> views = new ArrayList<>();
        for (FormatDefinition f : formats.all()) {
            List<TableRow> tables = new ArrayList<>();
            for (TableDef t : f.tables()) {
                tables.add(new TableRow(t.key(), t.caption(), t.cells().size()));
            }
            String years = f.lastYear() == Integer.MAX_VALUE ? text.text("opendata.years.from", f.firstYear())
                    : text.text("opendata.years.range", f.firstYear(), f.lastYear());
            views.add(new FormatView(f.id(), f.title(), years, tables));
        }
        String title = text.text("opendata.title");
        Page page = new Page(root, title, archive.site().title(), List.of(
                new Page.Link(text.text("crumb.home"), root + Paths.INDEX), new Page.Link(title, null)));
        DataView view = new DataView(root + Paths.DATASET, root + Paths.SCHEMA, datasetRows,
                OpenDataWriter.CSV_HEADER, DatasetWriter.HEADER, views);
        if (out.keepUnchanged(Paths.DATA, Inputs.of("opendata", page, view))) {
            return;
        }
        try (Writer w = out.open(Paths.DATA)) {
            templates.render("opendata", Map.of("page", page, "data", view), w);
        }
    }
}

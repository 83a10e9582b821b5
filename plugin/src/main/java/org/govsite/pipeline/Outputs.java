package org.govsite.pipeline;

import org.govsite.check.Checker;
import org.govsite.format.FormatCatalog;
import org.govsite.model.SiteInfo;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.AttachmentsOutput;
import org.govsite.output.PageText;
import org.govsite.output.ReportOutput;
import org.govsite.output.data.DatasetWriter;
import org.govsite.output.data.OpenDataWriter;
import org.govsite.output.data.SchemaRenderer;
import org.govsite.output.pdf.PdfFonts;
import org.govsite.output.pdf.PdfOutput;
import org.govsite.output.pdf.PdfRenderer;
import org.govsite.output.render.AgencyPageRenderer;
import org.govsite.output.render.Assets;
import org.govsite.output.render.ChartRenderer;
import org.govsite.output.render.FeedRenderer;
import org.govsite.output.render.IndexPageRenderer;
import org.govsite.output.render.OpenDataPageRenderer;
import org.govsite.output.render.ReportPageRenderer;
import org.govsite.output.render.Templates;
import org.govsite.output.render.YearPageRenderer;
import org.govsite.output.search.SearchOutputs;

import java.util.List;

/**
 * Where the outputs are wired: what is made of each published report, and what of the whole archive. A new output
 * (a PDF of each report, a search index) is a class implementing {@link ReportOutput} or {@link ArchiveOutput} and
 * one line here.
 */
final class Outputs {
    private Outputs() {
    }

    static List<ReportOutput> report(Templates templates, PageText text, SiteInfo site, FormatCatalog formats,
                                     SearchOutputs search, BuildConfig config) {
        ReportPageRenderer page = new ReportPageRenderer(templates, text, site.title(), ArchiveIndex.figures(formats));
        return List.of(
                config.pdf() && !config.drafts()
                        ? new PdfOutput(page, new PdfRenderer(templates, PdfFonts.load()), text) : page,
                new OpenDataWriter(),
                new AttachmentsOutput(),
                search.entries());
    }

    static List<ArchiveOutput> archive(Templates templates, PageText text, BuildConfig config,
                                       FormatCatalog formats, Checker checker, SearchOutputs search,
                                       DatasetWriter dataset) {
        return List.of(
                new IndexPageRenderer(templates, text),
                new AgencyPageRenderer(templates, text, ChartRenderer.groups(formats)),
                new YearPageRenderer(templates, text, checker),
                new OpenDataPageRenderer(templates, text),
                new SchemaRenderer(text, config.baseUrl()),
                new FeedRenderer(templates, text, config.baseUrl()),
                search.page(templates),
                assets(config),
                dataset);
    }

    static Assets assets(BuildConfig config) {
        return new Assets(config.themeDir().resolve("assets"));
    }
}

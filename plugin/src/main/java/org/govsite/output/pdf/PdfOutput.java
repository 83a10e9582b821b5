package org.govsite.output.pdf;

import org.govsite.model.Report;
import org.govsite.output.PageText;
import org.govsite.output.Paths;
import org.govsite.output.ReportOutput;
import org.govsite.output.ReportToPublish;
import org.govsite.output.render.Page;
import org.govsite.output.render.ReportExtras;
import org.govsite.output.render.ReportPageRenderer;
import org.govsite.output.render.ReportPageRenderer.ReportView;
import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A report's PDF beside its page ({@code agencies/<id>/<year>.pdf}), then the page, which links the PDF with its size
 * ("下载PDF（236 KB）"): the PDF is made first so that the page can name its size. Replaces the plain page output when
 * PDFs are on. Shares only the page renderer and the PDF renderer, both thread-safe.
 */
public final class PdfOutput implements ReportOutput {
    private final ReportPageRenderer page;
    private final PdfRenderer pdf;
    private final PageText text;

    public PdfOutput(ReportPageRenderer page, PdfRenderer pdf, PageText text) {
        this.page = page;
        this.pdf = pdf;
        this.text = text;
    }

    @Override
    public void write(ReportToPublish r, OutputSink out) throws IOException {
        Report report = r.report();
        ReportView view = page.view(r);
        Optional<LocalDate> published = report.meta().published();
        String meta = published.map(d -> text.text("pdf.meta", report.meta().publisher(), ReportExtras.date(text, d)))
                .orElse(report.meta().publisher());
        String path = Paths.reportData(report.agency().id(), report.year(), "pdf");
        byte[] bytes = pdf.render(path, view, meta, published.orElse(null));
        out.write(path, bytes);
        String href = path.substring(path.lastIndexOf('/') + 1);
        page.write(r, view.withPdf(new Page.Link(text.text("report.pdf", size(bytes.length)), href)), out);
    }

    /** 236 KB (kibibytes, rounded up) below 1,000 KB; 1.2 MB above. */
    static String size(long bytes) {
        long kb = (bytes + 1023) / 1024;
        if (kb < 1000) {
            return kb + " KB";
        }
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024L), 1, RoundingMode.HALF_UP)
                .toPlainString() + " MB";
    }
}

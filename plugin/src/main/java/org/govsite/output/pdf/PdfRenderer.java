package org.govsite.output.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.govsite.output.render.ReportPageRenderer.ReportView;
import org.govsite.output.render.Templates;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.logging.Level;

/**
 * A report as a tagged PDF (PDF/UA-1) through openhtmltopdf: the template {@code pdf.html} renders the page's own
 * view (the same sections, narrative and official tables as the HTML page, from the same format definition), and
 * openhtmltopdf lays it out on A4 with the embedded CJK font ({@link PdfFonts}).
 *
 * <p>Deterministic: the document's dates are the report's publication date, never the clock, and its id is a digest of
 * the report's path and of the rendered content. Nothing outside the document is loaded: every external resource
 * is refused, and the narrative's images and links become their text.
 *
 * <p>Thread-safe: shares only the immutable fonts and the thread-safe template engine. openhtmltopdf logs through a
 * process-wide logger; this class replaces it once with one that drops the log (its diagnostics stay per thread).
 */
public final class PdfRenderer {
    static {
        XRLog.setLoggerImpl(new Silent());
    }

    private final Templates templates;
    private final PdfFonts fonts;

    public PdfRenderer(Templates templates, PdfFonts fonts) {
        this.templates = templates;
        this.fonts = fonts;
    }

    /**
     * @param id        the report's stable identity (its page's path), for the document id
     * @param view      the report's page view
     * @param meta      the line under the title: publisher and date
     * @param published the report's publication date, the document's date; {@code null} when it has none
     */
    public byte[] render(String id, ReportView view, String meta, LocalDate published) throws IOException {
        StringWriter html = new StringWriter(1 << 15);
        templates.render("pdf", Map.of("report", view, "meta", meta, "subject", view.title()), html);
        Document doc = Jsoup.parse(html.toString());
        // an HTML parser ends the head at openhtmltopdf's own element: put the bookmarks back
        for (Element bookmarks : doc.body().select("bookmarks")) {
            doc.head().appendChild(bookmarks);
        }
        for (Element img : doc.select("img")) {
            img.replaceWith(new TextNode(img.attr("alt")));
        }
        doc.select("a").unwrap();
        org.w3c.dom.Document w3c = new W3CDom().fromJsoup(doc);

        PDDocument target = new PDDocument();
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .withProducer("govsite")
                .usePDDocument(target)
                .useFont(font(target, false), PdfFonts.FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                .useFont(font(target, true), PdfFonts.FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true)
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withDiagnosticConsumer(d -> { })
                .withW3cDocument(w3c, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 17);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            PDDocument pdf = renderer.getPdfDocument();
            TableHeaders.add(pdf, doc);
            fix(pdf, id, html.toString(), published);
            pdf.save(out);
        }
        // PDFBox makes the font subsets and their ToUnicode maps while it saves: repair them in the saved file
        try (PDDocument saved = Loader.loadPDF(out.toByteArray())) {
            ToUnicode.repair(saved, fonts);
            out.reset();
            saved.save(out);
        }
        return out.toByteArray();
    }

    /** The shared parsed font, embedded as a subset when the document first uses it. */
    private PDFontSupplier font(PDDocument target, boolean bold) {
        return new PDFontSupplier(null) {
            private PDFont font;

            @Override
            public PDFont supply() {
                if (font == null) {
                    try {
                        font = PDType0Font.load(target, fonts.font(bold), true);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot embed the PDF font", e);
                    }
                }
                return font;
            }
        };
    }

    /** The document's dates from the report, and a document id from its identity and content. */
    private static void fix(PDDocument pdf, String id, String content, LocalDate published) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setCreationDate(published == null ? null : calendar(published));
        info.setModificationDate(null);
        info.setCreator("govsite");
        COSArray ids = new COSArray();
        ids.add(new COSString(digest(id)));
        ids.add(new COSString(digest(id + "\n" + content)));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static Calendar calendar(LocalDate date) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
        c.clear();
        c.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), 0, 0, 0);
        return c;
    }

    private static byte[] digest(String s) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops openhtmltopdf's log, which would go to the console of the build. */
    private static final class Silent implements XRLogger {
        @Override
        public void log(String where, Level level, String msg) {
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return false;
        }
    }
}

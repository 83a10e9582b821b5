package org.govsite.importer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.List;

/**
 * A PDF with a text layer (Apache PDFBox): its text in reading order (sorted by position), one line per text line,
 * read as plain text. Cells are separated by spaces only, so a blank cell cannot be told from a missing one: such a
 * row is a finding that names the table, never a guess. A PDF without text (a scan) gives no lines.
 */
final class PdfSource {
    private PdfSource() {
    }

    static List<SourceLine> lines(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            return TextSource.lines(stripper.getText(doc));
        }
    }
}

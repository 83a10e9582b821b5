package org.govsite.output.pdf;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CJK font embedded in every PDF: Noto Sans SC (SIL Open Font License 1.1, which allows embedding), regular and
 * bold, in the TrueType build of the Maven artifact {@code com.helger.font:ph-fonts-noto-sans-sc}. PDFBox embeds only
 * TrueType outlines (not the CFF outlines of the official OpenType release).
 *
 * <p>Each font is read and parsed once per build and shared by every document and every rendering thread: parsing a
 * 10 MB font costs more than a whole PDF, and a parsed font holds its own copy of the bytes and maps of some 40,000
 * code points. Sharing is safe because every table PDFBox reads is read here, before the font is shared, so that
 * rendering only reads what is already parsed: FontBox reads the remaining data (glyph outlines, table bytes for the
 * subset) under the font's own locks, as it does for the fonts PDFBox itself caches across documents. The embedded
 * subset is built per document ({@link PdfRenderer}); the parsed font is never changed after this class has made it.
 *
 * <p>Glyph substitution (GSUB) is off: the reports' text is set horizontally, and Noto Sans SC's substitutions for it
 * change no glyph (the PDFs are byte-identical with and without), but FontBox's GSUB support compiled a regular
 * expression of the font's substitutions for every run of text, which made up some 40 % of a PDF's cost.
 */
public final class PdfFonts {
    /** The font family the PDF's style sheet names. */
    public static final String FAMILY = "Noto Sans SC";
    static final String REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

    private final TrueTypeFont regular;
    private final TrueTypeFont bold;
    private final Map<Integer, Integer> regularText;
    private final Map<Integer, Integer> boldText;

    private PdfFonts(TrueTypeFont regular, TrueTypeFont bold) {
        this.regular = regular;
        this.bold = bold;
        this.regularText = ideographs(regular);
        this.boldText = ideographs(bold);
    }

    /**
     * Reads and parses the fonts from the plugin's class path.
     *
     * @throws IllegalStateException when the font artifact is not on the class path (a broken installation)
     */
    public static PdfFonts load() {
        return new PdfFonts(parse(REGULAR), parse(BOLD));
    }

    /** The parsed font, shared: only read (by PDFBox's embedding and subsetting), never changed. */
    TrueTypeFont font(boolean boldFont) {
        return boldFont ? bold : regular;
    }

    /**
     * The glyphs (by glyph id, which is the CID of the embedded subset) that stand for a radical and for its
     * ideograph, with the ideograph's code point: the text such a glyph means in a report.
     */
    Map<Integer, Integer> ideographs(boolean boldFont) {
        return boldFont ? boldText : regularText;
    }

    /**
     * Noto Sans SC draws 一 (U+4E00) and the Kangxi radical ⼀ (U+2F00), 门 and the radical ⻔ (U+2EC6), with one
     * glyph; PDFBox would name such a glyph by its lowest code point, the radical.
     */
    private static Map<Integer, Integer> ideographs(TrueTypeFont ttf) {
        Map<Integer, Integer> out = new TreeMap<>();
        try {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            for (int gid = 0, n = ttf.getNumberOfGlyphs(); gid < n; gid++) {
                List<Integer> codes = cmap.getCharCodes(gid);
                if (codes == null || codes.size() < 2 || !radical(codes.get(0))) {
                    continue;
                }
                for (int c : codes) {
                    if (!radical(c) && !compatibility(c)) {
                        out.put(gid, c);
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PDF font", e);
        }
        return Map.copyOf(out);
    }

    /** CJK Radicals Supplement and Kangxi Radicals. */
    static boolean radical(int c) {
        return c >= 0x2E80 && c <= 0x2FDF;
    }

    /** CJK Compatibility Ideographs (and their supplement). */
    private static boolean compatibility(int c) {
        return (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    /** Parses the font and reads every table PDFBox uses, so that the parsed font is only read from then on. */
    private static TrueTypeFont parse(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the PDF font " + resource + " is not on the class path: the "
                        + "dependency com.helger.font:ph-fonts-noto-sans-sc is missing");
            }
            // parse copies the bytes into the font: nothing else keeps them
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            ttf.setEnableGsub(false);
            ttf.getHeader();
            ttf.getHorizontalHeader();
            ttf.getMaximumProfile();
            ttf.getHorizontalMetrics();
            ttf.getIndexToLocation();
            ttf.getGlyph();
            ttf.getCmap();
            ttf.getUnicodeCmapLookup();
            ttf.getNaming();
            ttf.getName();
            ttf.getPostScript();
            ttf.getOS2Windows();
            ttf.getKerning();
            ttf.getVerticalHeader();
            ttf.getVerticalMetrics();
            ttf.getVerticalOrigin();
            ttf.getGsub();
            ttf.nameToGID(".notdef");
            return ttf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PDF font " + resource, e);
        }
    }
}

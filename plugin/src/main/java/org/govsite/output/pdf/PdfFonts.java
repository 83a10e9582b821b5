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
 * TrueType outlines (not the CFF outlines of the official OpenType release). Read once; the bytes are never changed.
 * Parsing a 10 MB font for every document would cost more than the rest of the PDF, so each rendering thread parses
 * each font once and keeps it ({@link #font}), for the documents it renders one after the other; a parsed font is
 * never shared between threads.
 */
public final class PdfFonts {
    /** The font family the PDF's style sheet names. */
    public static final String FAMILY = "Noto Sans SC";
    static final String REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

    private final byte[] regular;
    private final byte[] bold;
    private final Map<Integer, Integer> regularText;
    private final Map<Integer, Integer> boldText;
    /** This thread's parsed fonts: regular, bold. */
    private final ThreadLocal<TrueTypeFont[]> parsed = ThreadLocal.withInitial(() -> new TrueTypeFont[2]);

    private PdfFonts(byte[] regular, byte[] bold) {
        this.regular = regular;
        this.bold = bold;
        this.regularText = ideographs(regular);
        this.boldText = ideographs(bold);
    }

    /**
     * Reads the fonts from the plugin's class path.
     *
     * @throws IllegalStateException when the font artifact is not on the class path (a broken installation)
     */
    public static PdfFonts load() {
        return new PdfFonts(read(REGULAR), read(BOLD));
    }

    /** The font parsed for this thread: only for documents rendered on this thread, one at a time. */
    TrueTypeFont font(boolean boldFont) throws IOException {
        TrueTypeFont[] fonts = parsed.get();
        int i = boldFont ? 1 : 0;
        if (fonts[i] == null) {
            fonts[i] = new TTFParser().parse(new RandomAccessReadBuffer(boldFont ? bold : regular));
        }
        return fonts[i];
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
    private static Map<Integer, Integer> ideographs(byte[] font) {
        Map<Integer, Integer> out = new TreeMap<>();
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
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

    private static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the PDF font " + resource + " is not on the class path: the "
                        + "dependency com.helger.font:ph-fonts-noto-sans-sc is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PDF font " + resource, e);
        }
    }
}

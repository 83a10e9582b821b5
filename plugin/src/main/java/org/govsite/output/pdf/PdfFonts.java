package org.govsite.output.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK font embedded in every PDF: Noto Sans SC (SIL Open Font License 1.1, which allows embedding), regular and
 * bold, in the TrueType build of the Maven artifact {@code com.helger.font:ph-fonts-noto-sans-sc}. PDFBox embeds only
 * TrueType outlines (not the CFF outlines of the official OpenType release). Read once; the bytes are never changed,
 * so one instance is shared by every rendering thread, each parsing its own copy.
 */
public final class PdfFonts {
    /** The font family the PDF's style sheet names. */
    public static final String FAMILY = "Noto Sans SC";
    static final String REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

    private final byte[] regular;
    private final byte[] bold;

    private PdfFonts(byte[] regular, byte[] bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /**
     * Reads the fonts from the plugin's class path.
     *
     * @throws IllegalStateException when the font artifact is not on the class path (a broken installation)
     */
    public static PdfFonts load() {
        return new PdfFonts(read(REGULAR), read(BOLD));
    }

    InputStream regular() {
        return new ByteArrayInputStream(regular);
    }

    InputStream bold() {
        return new ByteArrayInputStream(bold);
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

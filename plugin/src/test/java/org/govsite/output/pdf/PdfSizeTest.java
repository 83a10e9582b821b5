package org.govsite.output.pdf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The size the page names beside its PDF link: KB rounded up (never "0 KB"), MB from 1,000 KB. */
class PdfSizeTest {
    @Test
    void kilobytesRoundedUpThenMegabytes() {
        assertEquals("1 KB", PdfOutput.size(1));
        assertEquals("1 KB", PdfOutput.size(1024));
        assertEquals("2 KB", PdfOutput.size(1025));
        assertEquals("236 KB", PdfOutput.size(236 * 1024 - 100));
        assertEquals("999 KB", PdfOutput.size(999 * 1024));
        assertEquals("1.0 MB", PdfOutput.size(999 * 1024 + 1));
        assertEquals("2.5 MB", PdfOutput.size(5 * 1024 * 1024 / 2));
    }
}

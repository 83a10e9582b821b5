package org.govsite.output.render;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 13, case 11: a full disk printed four Thymeleaf stack traces before the build's own error. Pages are rendered
 * in memory, so the disk's failure reaches the build as the plain IOException it is, and Thymeleaf has nothing to
 * log.
 */
class TemplatesDiskFullTest {
    /** A file on a full disk. */
    private static final class FullDisk extends Writer {
        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aFullDiskIsAPlainIOException() {
        Templates templates = new Templates(null);
        IOException e = assertThrows(IOException.class, () -> templates.render("404",
                Map.of("page", new Page("", "页面未找到", "站点", java.util.List.of()), "home", "index.html",
                        "years", "index.html#by-year", "agencies", "index.html#by-agency", "data", "data/index.html"),
                new FullDisk()));
        assertEquals("No space left on device", e.getMessage());
    }
}

package org.govsite.output.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Where outputs write the site's files: a staging folder ({@link SiteWriter}) or memory ({@link MemorySink}, for
 * tests and a preview server). Paths are relative to the site root, with '/' separators. Implementations are safe for
 * concurrent writers of different files.
 */
public interface OutputSink {
    /** Writes a whole file, replacing any earlier version. */
    void write(String path, byte[] bytes) throws IOException;

    /** Removes a file written earlier; nothing happens when there is none. */
    void delete(String path) throws IOException;

    /** A UTF-8 writer for a file; the file is complete when the writer is closed. */
    default Writer open(String path) throws IOException {
        return new OutputStreamWriter(new ByteArrayOutputStream() {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    OutputSink.this.write(path, toByteArray());
                }
            }
        }, StandardCharsets.UTF_8);
    }

    /** Writes a whole text file as UTF-8. */
    default void writeText(String path, String text) throws IOException {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }
}

package org.govsite.output.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * A file written earlier in this build (or kept from the previous one), for outputs made from other outputs'
     * files.
     *
     * @throws java.nio.file.NoSuchFileException when there is none
     */
    byte[] read(String path) throws IOException;

    /**
     * A private folder for this build's temporary files (spilled data that need not stay in memory), removed with
     * the staging folder; {@code null} when the sink has none, and such data stay in memory.
     */
    default Path scratch() throws IOException {
        return null;
    }

    /** A UTF-8 writer for a file; the file is complete when the writer is closed. */
    default Writer open(String path) throws IOException {
        return new OutputStreamWriter(stream(path), StandardCharsets.UTF_8);
    }

    /** A stream for a file's bytes; the file is complete when the stream is closed. */
    default OutputStream stream(String path) throws IOException {
        return new ByteArrayOutputStream() {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    OutputSink.this.write(path, toByteArray());
                }
            }
        };
    }

    /**
     * Keeps the file the previous build wrote at {@code path} as it is, as this build's own, instead of writing it
     * again: for an archive output whose inputs for that file did not change (an agency's page when none of its
     * reports changed). Returns false, keeping nothing, when the sink has no such file; the output then writes it.
     */
    default boolean keep(String path) throws IOException {
        return false;
    }

    /**
     * The file this build holds at {@code path} now, on disk, to be read only: in a staging folder seeded from the
     * published site, the previous build's file (a hard link to the published one: never written through). Empty when
     * the sink keeps no files on disk or has none there. An output that makes the new file from the old one opens it
     * before it writes {@code path}: the write makes a new file, and what was opened still reads the old one.
     */
    default Optional<Path> file(String path) throws IOException {
        return Optional.empty();
    }

    /**
     * A channel to a new file at {@code path} (an earlier file there is replaced, never written through), for an
     * output that copies ranges of an old file in the kernel ({@link FileChannel#transferTo}); the file is complete
     * when the channel is closed. Empty when the sink keeps no files on disk: the output uses {@link #stream}.
     */
    default Optional<FileChannel> channel(String path) throws IOException {
        return Optional.empty();
    }

    /**
     * Keeps the file the previous build wrote at {@code path} as it is, when it was made from the same inputs: for an
     * archive output that can say in one fingerprint everything a file shows ({@code inputs}, e.g. a hash of the view
     * a template renders), so that an unchanged year page is neither rendered nor compared. The sink records
     * {@code inputs} for the next build either way; returns false, keeping nothing, when the file must be written
     * (the output then writes it as usual).
     */
    default boolean keepUnchanged(String path, String inputs) throws IOException {
        return false;
    }

    /** Writes a whole text file as UTF-8. */
    default void writeText(String path, String text) throws IOException {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }
}

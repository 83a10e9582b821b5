package org.govsite.output.search;

import org.govsite.output.write.OutputSink;

import java.io.IOException;

/**
 * Where the search output writes its files, relative to the site root: the pipeline's {@link OutputSink}, or a test's
 * own. Implementations are safe for concurrent writers of different files.
 */
@FunctionalInterface
public interface SearchSink {
    void write(String path, byte[] bytes) throws IOException;

    /** The pipeline's sink. */
    static SearchSink of(OutputSink sink) {
        return sink::write;
    }
}

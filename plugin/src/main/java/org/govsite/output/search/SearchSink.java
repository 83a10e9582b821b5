package org.govsite.output.search;

import org.govsite.output.write.SiteWriter;

import java.io.IOException;

/**
 * Where the search output writes its files, relative to the site root. The one adapter to today's
 * {@link SiteWriter}; when the pipeline's {@code OutputSink} arrives, {@link #of} becomes a one-line adapter to it.
 * Implementations are safe for concurrent writers of different files.
 */
@FunctionalInterface
public interface SearchSink {
    void write(String path, byte[] bytes) throws IOException;

    /** The staging folder of a build. */
    static SearchSink of(SiteWriter writer) {
        return writer::write;
    }
}

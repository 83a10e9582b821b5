package org.govsite.output;

import org.govsite.output.write.OutputSink;

import java.io.IOException;

/**
 * Stage 4: something made from the whole archive once every report is settled (the home page, the agency and year
 * pages, open data, schema, feeds, assets, the dataset). Adding one is a new class implementing this and one line in
 * {@code org.govsite.pipeline.Outputs}. Archive outputs run side by side, each on one thread: they read the
 * {@link ArchiveIndex}, which is immutable, and write into the sink (safe for concurrent writers of different
 * files); one never reads another's files.
 */
public interface ArchiveOutput {
    void write(ArchiveIndex archive, OutputSink out) throws IOException;
}

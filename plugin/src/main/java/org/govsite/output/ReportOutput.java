package org.govsite.output;

import org.govsite.output.write.OutputSink;

import java.io.IOException;

/**
 * Stage 3 for one report: something made from a checked report that is published (its page, its open data, its
 * attachments; later its PDF or its search entry). Adding an output is a new class implementing this and one line in
 * the list of outputs the pipeline is given ({@code org.govsite.pipeline.Outputs}).
 *
 * <p>Outputs run on several threads at once, one report per call: an implementation keeps no state of its own
 * between calls except what is immutable or thread-safe, and says in its Javadoc what it shares.
 */
public interface ReportOutput {
    /** Writes this output's files for one report into {@code out}. */
    void write(ReportToPublish report, OutputSink out) throws IOException;
}

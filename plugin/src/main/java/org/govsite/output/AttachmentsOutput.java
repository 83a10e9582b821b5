package org.govsite.output;

import org.govsite.output.write.OutputSink;

import java.io.IOException;
import java.nio.file.Files;

/**
 * A report's attachments (see {@code org.govsite.load.Attachments}), copied beside its page. Shares nothing: each
 * call reads its own report's files.
 */
public final class AttachmentsOutput implements ReportOutput {
    @Override
    public void write(ReportToPublish r, OutputSink out) throws IOException {
        for (String file : r.checked().loaded().attachments()) {
            out.write(Paths.attachment(r.report().agency().id(), r.report().year(), file),
                    Files.readAllBytes(r.folder().resolve(file)));
        }
    }
}

package org.govsite.load;

import com.vladsch.flexmark.util.ast.Document;
import org.govsite.model.Report;
import org.govsite.model.SourcePos;

import java.util.List;

/**
 * A report as loaded, with the positions in report.yaml that checks after loading point at.
 *
 * @param document    the narrative as parsed when it was loaded: every later stage reads this, none parses again
 * @param meta        where each metadata value stands in report.yaml
 * @param attachments the files published beside the report (see {@link Attachments}), relative to its folder
 */
public record LoadedReport(Report report, Document document, MetaPositions meta, List<String> attachments) {
    public LoadedReport {
        if (document == null || meta == null) {
            throw new IllegalArgumentException("document and meta are required");
        }
        attachments = List.copyOf(attachments);
    }

    /** Where {@code published} stands in report.yaml; line 0 when the report gives none. */
    public SourcePos published() {
        return meta.published();
    }
}

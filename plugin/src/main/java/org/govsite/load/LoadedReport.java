package org.govsite.load;

import org.govsite.model.Report;
import org.govsite.model.SourcePos;

import java.util.List;

/**
 * A report as loaded, with the positions in report.yaml that checks after loading point at.
 *
 * @param published   where {@code published} stands in report.yaml; line 0 when the report gives none
 * @param attachments the files published beside the report (see {@link Attachments}), relative to its folder
 */
public record LoadedReport(Report report, SourcePos published, List<String> attachments) {
    public LoadedReport {
        if (published == null) {
            throw new IllegalArgumentException("published");
        }
        attachments = List.copyOf(attachments);
    }
}

package org.govsite.load;

import org.govsite.model.Report;

import java.util.List;

/**
 * A report as loaded, with the positions in report.yaml that checks after loading point at.
 *
 * @param publishedLine   the line of {@code published}, 0 when the report gives none
 * @param publishedColumn its column, 0 when the report gives none
 * @param attachments     the files published beside the report (see {@link Attachments}), relative to its folder
 */
public record LoadedReport(Report report, int publishedLine, int publishedColumn, List<String> attachments) {
    public LoadedReport {
        attachments = List.copyOf(attachments);
    }
}

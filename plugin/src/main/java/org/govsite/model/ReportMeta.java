package org.govsite.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A report's metadata.
 *
 * @param formatId  the format id, or empty for a narrative-only report (before 2019)
 * @param published the publication date, when known
 * @param publisher 发布机构
 * @param indexNo   索引号, where the portal uses one
 * @param sample    invented data for demonstration: shown as 示例数据
 * @param status    a draft (checked strictly) or the record of a report already published
 */
public record ReportMeta(int year, Optional<String> formatId, String title, Optional<LocalDate> published,
                         String publisher, Optional<String> indexNo, boolean sample, ReportStatus status) {
    /** A draft. */
    public ReportMeta(int year, Optional<String> formatId, String title, Optional<LocalDate> published,
                      String publisher, Optional<String> indexNo, boolean sample) {
        this(year, formatId, title, published, publisher, indexNo, sample, ReportStatus.DRAFT);
    }

    public boolean isPublished() {
        return status == ReportStatus.PUBLISHED;
    }
}

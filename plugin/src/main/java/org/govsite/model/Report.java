package org.govsite.model;

import org.govsite.format.FormatDefinition;

import java.util.List;
import java.util.Optional;

/**
 * One loaded report: metadata, narrative and tables.
 *
 * @param format       the format, or empty for a narrative-only report
 * @param tables       the tables present, in the format's order
 * @param narrative    the Markdown narrative
 * @param yamlPath     report.yaml, relative to the project
 * @param markdownPath report.md, relative to the project
 */
public record Report(Agency agency, ReportMeta meta, Optional<FormatDefinition> format, List<TableValues> tables,
                     Narrative narrative, String yamlPath, String markdownPath) {
    public Report {
        tables = List.copyOf(tables);
    }

    public int year() {
        return meta.year();
    }

    public Optional<TableValues> table(String key) {
        return tables.stream().filter(t -> t.def().key().equals(key)).findFirst();
    }
}

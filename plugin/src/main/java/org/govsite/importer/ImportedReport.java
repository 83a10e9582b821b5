package org.govsite.importer;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Severity;
import org.govsite.format.FormatDefinition;
import org.govsite.format.TableDef;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the importer recognised in one source: the report's header, its tables cell by cell as published, and its
 * narrative split into the six sections, verbatim. Findings say what could not be read or placed; a report with an
 * error among them is not written.
 *
 * @param title     the title line as published
 * @param agency    the agency's name, from the title or the 发布机构 line
 * @param publisher the 发布机构 line, when there is one
 * @param preamble  paragraphs before section 一
 */
public record ImportedReport(Source source, Optional<FormatDefinition> format, Optional<Integer> year,
                             Optional<String> title, Optional<String> agency, Optional<String> publisher,
                             Optional<LocalDate> published, Optional<String> indexNo, List<Table> tables,
                             List<String> preamble, List<Section> sections, List<Finding> findings) {
    public ImportedReport {
        tables = List.copyOf(tables);
        preamble = List.copyOf(preamble);
        sections = List.copyOf(sections);
        findings = List.copyOf(findings);
    }

    /**
     * One table: a value for each of the definition's cells, by {@link org.govsite.format.CellDef#index()}; null
     * where nothing was read.
     */
    public record Table(TableDef def, List<ImportedValue> cells) {
        public Table {
            cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
        }

        public long read() {
            return cells.stream().filter(Objects::nonNull).count();
        }

        public long blanks() {
            return cells.stream().filter(Objects::nonNull).filter(c -> c.state() == ImportedValue.State.BLANK).count();
        }
    }

    /** One of the six sections: its heading as published, and its paragraphs (sub-headings marked). */
    public record Section(int number, String heading, List<Paragraph> paragraphs) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** A paragraph of the narrative, verbatim; {@code heading} for a sub-heading （一）… */
    public record Paragraph(String text, boolean heading) {
    }

    public long cellsRead() {
        return tables.stream().mapToLong(Table::read).sum();
    }

    public long blanks() {
        return tables.stream().mapToLong(Table::blanks).sum();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}

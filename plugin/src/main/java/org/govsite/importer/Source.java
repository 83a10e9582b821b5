package org.govsite.importer;

import org.govsite.diagnostics.Finding;

import java.util.List;

/**
 * A file to import, read into lines.
 *
 * @param file     the path findings name, relative to the project where it can be
 * @param kind     the kind of source, by the file's extension
 * @param lines    its paragraphs, headings, table rows and images, in reading order
 * @param findings what could not be read at all (a PDF without text)
 */
public record Source(String file, Kind kind, List<SourceLine> lines, List<Finding> findings) {
    /** The kinds of source the importer reads. */
    public enum Kind {
        TEXT("文本"), HTML("网页"), DOCX("Word"), PDF("PDF");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Its name in the summary table. */
        public String label() {
            return label;
        }
    }

    public Source {
        lines = List.copyOf(lines);
        findings = List.copyOf(findings);
    }
}

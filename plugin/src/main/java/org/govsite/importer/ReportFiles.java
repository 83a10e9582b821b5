package org.govsite.importer;

import org.govsite.format.Block;
import org.govsite.format.CellDef;
import org.govsite.format.Header;
import org.govsite.format.Layout;
import org.govsite.format.TableDef;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files an imported report is written as: {@code report.yaml} (metadata, {@code status: published}, every cell
 * as published) and {@code report.md} (the six sections, verbatim, with what Markdown would reinterpret escaped).
 */
public final class ReportFiles {
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\d{1,9})([.)])(\\s+)");

    private ReportFiles() {
    }

    /** report.yaml: the header the source gives, then the tables in the format's shape. */
    public static String yaml(ImportedReport report, String fileName) {
        StringBuilder y = new StringBuilder();
        y.append("# ").append(oneLine(report.title().orElse(fileName))).append('\n');
        y.append("# 由 govsite:import 自 ").append(oneLine(fileName))
                .append(" 导入，按发布时原样记录：~ 为发布时空白的单元格，/ 为发布时的“/”，未作任何更正。\n");
        y.append("year: ").append(report.year().orElseThrow()).append('\n');
        y.append("format: ").append(report.format().map(f -> "\"" + f.id() + "\"").orElse("none")).append('\n');
        y.append("status: published\n");
        report.published().ifPresent(d -> y.append("published: ").append(d).append('\n'));
        report.publisher().ifPresent(p -> y.append("publisher: ").append(quote(p)).append('\n'));
        report.indexNo().ifPresent(i -> y.append("index_no: ").append(quote(i)).append('\n'));
        report.title().ifPresent(t -> y.append("title: ").append(quote(t.strip())).append('\n'));
        if (report.format().isEmpty() || report.tables().isEmpty()) {
            return y.toString();
        }
        y.append("tables:\n");
        for (ImportedReport.Table table : report.tables()) {
            TableDef def = table.def();
            y.append("  ").append(def.key()).append(":").append(comment(def.caption())).append('\n');
            if (def.layout() == Layout.BLOCKS) {
                for (Block block : def.blocks()) {
                    y.append("    ").append(block.key()).append(":").append(comment(block.label())).append('\n');
                    for (Header row : block.rows()) {
                        StringBuilder cells = new StringBuilder();
                        for (Header column : block.columns()) {
                            if (!cells.isEmpty()) {
                                cells.append(", ");
                            }
                            cells.append(column.key()).append(": ").append(value(table, def, row, column));
                        }
                        y.append("      ").append(row.key()).append(": {").append(cells).append("}")
                                .append(comment(row.label())).append('\n');
                    }
                }
            } else {
                y.append("    # 列：").append(String.join("、", def.columnLeaves().stream().map(Header::label)
                        .toList())).append('\n');
                rows(y, table, def, def.rows(), 2);
            }
        }
        return y.toString();
    }

    private static void rows(StringBuilder y, ImportedReport.Table table, TableDef def, List<Header> rows, int depth) {
        String indent = "  ".repeat(depth);
        for (Header row : rows) {
            if (row.isLeaf()) {
                StringBuilder cells = new StringBuilder();
                for (Header column : def.columnLeaves()) {
                    if (!cells.isEmpty()) {
                        cells.append(", ");
                    }
                    cells.append(value(table, def, row, column));
                }
                y.append(indent).append(row.key()).append(": [").append(cells).append("]")
                        .append(comment(row.label())).append('\n');
            } else {
                y.append(indent).append(row.key()).append(":").append(comment(row.label())).append('\n');
                rows(y, table, def, row.children(), depth + 1);
            }
        }
    }

    private static String value(ImportedReport.Table table, TableDef def, Header row, Header column) {
        CellDef cell = def.cell(row, column).orElseThrow();
        ImportedValue v = table.cells().get(cell.index());
        return v == null ? "~" : v.yaml();
    }

    private static String comment(String text) {
        return "   # " + oneLine(text);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    /** A YAML double-quoted scalar. */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * report.md: the preamble, then each section under its heading as published ({@code ##}), sub-headings
     * （一）… as {@code ###}, every paragraph verbatim. Numbered items ("1. …") stay a list where Markdown would number
     * them as published; anywhere else their number is escaped, like every other character Markdown would read.
     */
    public static String markdown(ImportedReport report) {
        StringBuilder md = new StringBuilder();
        int[] previous = {-1};
        for (String p : report.preamble()) {
            md.append(paragraph(p, previous)).append("\n\n");
        }
        for (ImportedReport.Section s : report.sections()) {
            previous[0] = -1;
            md.append("## ").append(escape(s.heading())).append("\n\n");
            for (ImportedReport.Paragraph p : s.paragraphs()) {
                if (p.heading()) {
                    previous[0] = -1;
                    md.append("### ").append(escape(p.text())).append("\n\n");
                } else {
                    md.append(paragraph(p.text(), previous)).append("\n\n");
                }
            }
        }
        String out = md.toString();
        return out.isEmpty() ? out : out.substring(0, out.length() - 1);
    }

    /** A paragraph; {@code previous} holds the number of the list item just before it (-1 when none). */
    private static String paragraph(String text, int[] previous) {
        Matcher m = LIST_ITEM.matcher(text);
        if (m.find() && m.group(2).equals(".")) {
            int n = Integer.parseInt(m.group(1));
            if (previous[0] < 0 || n == previous[0] + 1) {
                previous[0] = n;
                return m.group(1) + ". " + escapeInline(text.substring(m.end()));
            }
        }
        previous[0] = -1;
        return escape(text);
    }

    /** Escapes what Markdown would read at the start of a line and inside it. */
    static String escape(String text) {
        String t = escapeInline(text);
        Matcher list = LIST_ITEM.matcher(t);
        if (list.find()) {
            return list.group(1) + "\\" + t.substring(list.group(1).length());
        }
        if (t.matches("^\\d{1,9}[.)]$")) {
            return t.substring(0, t.length() - 1) + "\\" + t.charAt(t.length() - 1);
        }
        if (!t.isEmpty() && "#>-+=|:".indexOf(t.charAt(0)) >= 0) {
            return "\\" + t;
        }
        return t;
    }

    /** Backslash, `*_[]<>&! and | are escaped wherever they are. */
    static String escapeInline(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>&!|~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}

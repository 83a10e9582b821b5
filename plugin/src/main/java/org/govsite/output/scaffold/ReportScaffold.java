package org.govsite.output.scaffold;

import org.govsite.format.Block;
import org.govsite.format.FormatDefinition;
import org.govsite.format.Header;
import org.govsite.format.Layout;
import org.govsite.format.RuleDef;
import org.govsite.format.TableDef;
import org.govsite.format.YearRuleDef;
import org.govsite.model.Report;
import org.govsite.model.TableValues;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The files of a new year's draft report: {@code report.yaml} with every cell blank ({@code ~}), except those the
 * format's year rules fix from last year's report (二、上年结转 = last year's 四、结转下年度继续办理), and hints for the
 * cells a year rule only bounds (现行有效件数); and {@code report.md} with the format's six section headings, each with
 * what the section must contain as a comment that never reaches a page.
 *
 * <p>Everything comes from the format definition: the keys, the labels in the comments, the year rules. Stateless
 * and thread-safe.
 */
public final class ReportScaffold {
    private static final String GUIDANCE = "/org/govsite/scaffold/sections.properties";

    private ReportScaffold() {
    }

    /** The two files of a draft. {@code blanks} counts the cells still to fill. */
    public record Draft(String yaml, String markdown, int blanks, int filled) {
    }

    /**
     * @param format   the format of the new year, or empty for a narrative-only report
     * @param sections the six section titles (the format's, or the standard ones)
     * @param previous last year's report of the same agency, when it exists and loaded cleanly
     */
    public static Draft draft(int year, Optional<FormatDefinition> format, List<String> sections,
                              Optional<Report> previous) {
        StringBuilder y = new StringBuilder();
        y.append("# ").append(year).append("年政府信息公开工作年度报告（草稿，由 govsite:new-year 生成）\n");
        y.append("# 每个 ~ 是待填写的空白单元格：草稿在全部填写之前不会发布。运行 mvn govsite:check 列出尚未填写的单元格。\n");
        y.append("year: ").append(year).append('\n');
        y.append("format: ").append(format.map(f -> "\"" + f.id() + "\"").orElse("none")).append('\n');
        y.append("# published: ").append(year + 1).append("-01-20     # 发布日期，发布时填写\n");
        int[] counts = new int[2];
        if (format.isPresent()) {
            Prefill prefill = Prefill.of(format.get(), year, previous);
            y.append("tables:\n");
            for (TableDef table : format.get().tables()) {
                y.append("  ").append(table.key()).append(":").append(comment(table.caption())).append('\n');
                if (table.layout() == Layout.BLOCKS) {
                    for (Block block : table.blocks()) {
                        y.append("    ").append(block.key()).append(":").append(comment(block.label())).append('\n');
                        for (Header row : block.rows()) {
                            StringBuilder cells = new StringBuilder();
                            for (Header column : block.columns()) {
                                if (cells.length() > 0) {
                                    cells.append(", ");
                                }
                                cells.append(column.key()).append(": ")
                                        .append(prefill.value(table, row, column, counts));
                            }
                            String labels = String.join("、", block.columns().stream().map(Header::label).toList());
                            y.append("      ").append(row.key()).append(": {").append(cells).append("}")
                                    .append(comment(row.label() + "：" + labels + prefill.hint(table, row)))
                                    .append('\n');
                        }
                    }
                } else {
                    y.append("    #").append(" 列：").append(String.join("、",
                            table.columnLeaves().stream().map(ReportScaffold::columnLabel).toList())).append('\n');
                    rows(y, table, table.rows(), 2, prefill, counts);
                }
            }
        }
        return new Draft(y.toString(), markdown(year, sections), counts[0], counts[1]);
    }

    private static void rows(StringBuilder y, TableDef table, List<Header> rows, int depth, Prefill prefill,
                             int[] counts) {
        String indent = "  ".repeat(depth);
        for (Header row : rows) {
            if (row.isLeaf()) {
                StringBuilder cells = new StringBuilder();
                for (Header column : table.columnLeaves()) {
                    if (cells.length() > 0) {
                        cells.append(", ");
                    }
                    cells.append(prefill.value(table, row, column, counts));
                }
                y.append(indent).append(row.key()).append(": [").append(cells).append("]")
                        .append(comment(row.label() + prefill.hint(table, row))).append('\n');
            } else {
                y.append(indent).append(row.key()).append(":").append(comment(row.label())).append('\n');
                rows(y, table, row.children(), depth + 1, prefill, counts);
            }
        }
    }

    /** A column's label with the label of its parent where the leaf alone is ambiguous (其他). */
    private static String columnLabel(Header column) {
        return column.label();
    }

    private static String comment(String text) {
        return "   # " + text.replace('\n', ' ');
    }

    private static String markdown(int year, List<String> sections) {
        Properties guidance = guidance();
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < sections.size(); i++) {
            if (i > 0) {
                md.append('\n');
            }
            md.append("## ").append(sections.get(i)).append("\n\n");
            String note = guidance.getProperty("section." + (i + 1));
            if (note != null) {
                md.append("<!-- ").append(note.replace("{year}", Integer.toString(year))).append(" -->\n");
            }
        }
        return md.toString();
    }

    private static Properties guidance() {
        Properties p = new Properties();
        try (InputStream in = ReportScaffold.class.getResourceAsStream(GUIDANCE)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * What last year's report fixes or bounds, by the format's year rules: a rule {@code left(N) = previous(N−1)}
     * with one cell on each side and nothing added or taken away fixes the cell; a rule with additions or
     * subtractions (现行有效件数) only gives a hint.
     */
    private record Prefill(Map<String, BigDecimal> values, Map<String, String> hints) {
        static Prefill of(FormatDefinition format, int year, Optional<Report> previous) {
            Map<String, BigDecimal> values = new HashMap<>();
            Map<String, String> hints = new HashMap<>();
            if (previous.isEmpty() || previous.get().year() != year - 1) {
                return new Prefill(values, hints);
            }
            for (YearRuleDef rule : format.yearRules()) {
                Optional<TableDef> table = format.table(rule.table());
                Optional<TableValues> before = previous.get().table(rule.table());
                if (table.isEmpty() || before.isEmpty() || rule.left().size() != 1 || rule.previous().size() != 1) {
                    continue;
                }
                boolean exact = rule.plus().isEmpty() && rule.minus().isEmpty();
                for (Header leafRow : table.get().rowLeaves()) {
                    for (Header column : table.get().columnsOf(leafRow)) {
                        String left;
                        String prevRow;
                        String prevColumn;
                        if (rule.each() == RuleDef.Each.COLUMN) {
                            left = rule.left().get(0);
                            if (!leafRow.path().equals(left)) {
                                continue;
                            }
                            prevRow = rule.previous().get(0);
                            prevColumn = column.key();
                        } else {
                            if (!column.key().equals(rule.left().get(0)) || !inScope(leafRow, rule.scope(),
                                    table.get())) {
                                continue;
                            }
                            prevRow = leafRow.path();
                            prevColumn = rule.previous().get(0);
                        }
                        TableDef prev = before.get().def();
                        Optional<BigDecimal> last = prev.row(prevRow)
                                .flatMap(r -> prev.column(prevColumn).flatMap(c -> prev.cell(r, c)))
                                .flatMap(c -> before.get().value(c));
                        if (last.isEmpty()) {
                            continue;
                        }
                        String key = table.get().key() + "/" + leafRow.path() + "/" + column.key();
                        if (exact) {
                            values.put(key, last.get());
                        } else {
                            String plus = labels(table.get(), rule.plus());
                            String minus = labels(table.get(), rule.minus());
                            hints.put(table.get().key() + "/" + leafRow.path(), "；" + column.label() + "应为上年"
                                    + last.get().toPlainString() + (plus.isEmpty() ? "" : " + " + plus)
                                    + (minus.isEmpty() ? "" : " − " + minus) + "（" + rule.code() + "）");
                        }
                    }
                }
            }
            return new Prefill(values, hints);
        }

        private static boolean inScope(Header row, List<String> scope, TableDef table) {
            if (scope.isEmpty()) {
                return true;
            }
            for (String s : scope) {
                if (row.path().equals(s) || row.path().startsWith(s + ".")) {
                    return true;
                }
                for (Block b : table.blocks()) {
                    if (b.key().equals(s) && b.rows().contains(row)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static String labels(TableDef table, List<String> columns) {
            return String.join(" + ", columns.stream()
                    .map(c -> table.column(c).map(Header::label).orElse(c)).toList());
        }

        String value(TableDef table, Header row, Header column, int[] counts) {
            BigDecimal v = values.get(table.key() + "/" + row.path() + "/" + column.key());
            if (v == null) {
                counts[0]++;
                return "~";
            }
            counts[1]++;
            return v.toPlainString();
        }

        String hint(TableDef table, Header row) {
            return hints.getOrDefault(table.key() + "/" + row.path(), "");
        }
    }
}

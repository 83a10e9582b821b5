package org.govsite.check;

import org.govsite.format.FormatDefinition;
import org.govsite.format.Header;
import org.govsite.format.NarrativeDef;
import org.govsite.format.TableDef;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.model.Report;
import org.govsite.diagnostics.Rule;
import org.govsite.model.TableValues;
import org.govsite.model.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * R8: the numbers the narrative states agree with the tables, and its claims (均获维持) do not contradict them. The
 * statements and claims are the format's ({@link NarrativeDef}); each finding points at the Markdown line and column
 * of the statement. A warning: the narrative is prose, and a statement may count something else.
 */
final class NarrativeRule {
    private static final String SENTENCE_END = "。；;！!？?";

    private NarrativeRule() {
    }

    static void check(Report report, FormatDefinition format, FileDiagnostics markdown) {
        NarrativeDef def = format.narrative();
        String[] lines = report.narrative().markdown().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (NarrativeDef.Statement s : def.statements()) {
                Matcher m = s.pattern().matcher(line);
                while (m.find()) {
                    statement(report, s, m, line, i + 1, markdown);
                }
            }
            for (NarrativeDef.Claim c : def.claims()) {
                Matcher m = c.pattern().matcher(line);
                while (m.find()) {
                    claim(report, c, m, line, i + 1, markdown);
                }
            }
        }
    }

    private static void statement(Report report, NarrativeDef.Statement s, Matcher m, String line, int lineNo,
                                  FileDiagnostics markdown) {
        Optional<TableValues> table = report.table(s.table());
        if (table.isEmpty() || m.group(1) == null) {
            return;
        }
        TableDef def = table.get().def();
        Header row = s.cells().row();
        Header column = s.cells().column();
        Optional<BigDecimal> value = table.get().sum(s.cells()).map(TableValues.Sum::value);
        if (value.isEmpty()) {
            return;
        }
        BigDecimal stated = new BigDecimal(m.group(1));
        if (stated.compareTo(value.get()) != 0) {
            String cell = row.label() + " / " + column.label();
            markdown.report(Rule.R8, lineNo, column(line, m.start()),
                    List.of(new Term(m.group(), stated), new Term(cell, value.get())), "R8.statement",
                    Message.typed(m.group()), def.caption(), cell, Message.number(value.get()),
                    Message.number(stated));
        }
    }

    private static void claim(Report report, NarrativeDef.Claim c, Matcher m, String line, int lineNo,
                              FileDiagnostics markdown) {
        Optional<TableValues> table = report.table(c.table());
        if (table.isEmpty()) {
            return;
        }
        TableDef def = table.get().def();
        int start = m.start();
        while (start > 0 && SENTENCE_END.indexOf(line.charAt(start - 1)) < 0) {
            start--;
        }
        String before = line.substring(start, m.start());
        Set<Header> rows = new LinkedHashSet<>();
        for (NarrativeDef.Clause clause : c.clauses()) {
            if (before.contains(clause.word())) {
                rows.addAll(clause.rows());
            }
        }
        if (rows.isEmpty()) {
            rows.addAll(c.rows());
        }
        List<Term> above = new ArrayList<>();
        for (Header row : rows) {
            for (Header column : c.zero()) {
                Optional<BigDecimal> v = def.group(row, column).flatMap(g -> table.get().sum(g))
                        .map(TableValues.Sum::value);
                if (v.isPresent() && v.get().signum() > 0) {
                    above.add(new Term(row.label() + " " + column.label(), v.get()));
                }
            }
        }
        if (!above.isEmpty()) {
            List<String> shown = above.stream().map(t -> t.label() + "(" + t.value().toPlainString() + ")").toList();
            markdown.report(Rule.R8, lineNo, column(line, m.start()), above, "R8.claim", Message.typed(m.group()),
                    def.caption(), String.join("、", shown));
        }
    }

    /** The 1-based column of a character index, counted in characters (code points) as an editor shows them. */
    static int column(String line, int index) {
        return line.codePointCount(0, index) + 1;
    }
}

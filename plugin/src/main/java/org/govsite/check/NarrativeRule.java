package org.govsite.check;

import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.Rule;
import org.govsite.format.CellDef;
import org.govsite.format.CellGroup;
import org.govsite.format.FormatDefinition;
import org.govsite.format.Header;
import org.govsite.format.NarrativeDef;
import org.govsite.format.RuleCode;
import org.govsite.format.RuleDef;
import org.govsite.format.TableDef;
import org.govsite.model.Report;
import org.govsite.model.TableValues;
import org.govsite.model.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R8: the numbers the narrative states agree with the tables, and its claims (均获维持) do not contradict them. The
 * statements and claims are the format's ({@link NarrativeDef}); each finding points at the Markdown line and column
 * of the statement and names the cell or group and both numbers. A warning: the narrative is prose, and a statement
 * may count something else, so a phrase that cannot be tied to one cell or group is not a statement.
 *
 * <p>A statement is matched against a whole paragraph (its lines joined), so that it may run over a line break.
 * Where a table leaves a total blank (or it is missing), the figure is that row's parts, as the format's row equation
 * for that column adds them up (总计 = 各类申请人之和); blank parts count 0. A figure none of whose cells is written is
 * not compared.
 */
final class NarrativeRule {
    private static final String SENTENCE_END = "。；;！!？?";

    private NarrativeRule() {
    }

    static void check(Report report, FormatDefinition format, FileDiagnostics markdown) {
        NarrativeDef def = format.narrative();
        // one matcher per pattern, reset for each paragraph: a matcher of a pattern with many groups is not cheap
        Matcher[] statements = new Matcher[def.statements().size()];
        Matcher[] claims = new Matcher[def.claims().size()];
        for (Paragraph p : Paragraph.of(report.narrative().markdown())) {
            for (int i = 0; i < statements.length; i++) {
                NarrativeDef.Statement s = def.statements().get(i);
                Matcher m = reset(statements, i, s.pattern(), p.text());
                while (m.find()) {
                    statement(report, format, s, m, p, markdown);
                }
            }
            for (int i = 0; i < claims.length; i++) {
                NarrativeDef.Claim c = def.claims().get(i);
                Matcher m = reset(claims, i, c.pattern(), p.text());
                while (m.find()) {
                    claim(report, format, c, m, p, markdown);
                }
            }
        }
    }

    private static Matcher reset(Matcher[] matchers, int i, Pattern pattern, String text) {
        if (matchers[i] == null) {
            matchers[i] = pattern.matcher(text);
        } else {
            matchers[i].reset(text);
        }
        return matchers[i];
    }

    private static void statement(Report report, FormatDefinition format, NarrativeDef.Statement s, Matcher m,
                                  Paragraph p, FileDiagnostics markdown) {
        Optional<TableValues> table = report.table(s.table());
        String number = number(m);
        if (table.isEmpty() || number == null) {
            return;
        }
        Optional<BigDecimal> stated = ChineseNumber.parse(number);
        Figure figure = Figure.of(table.get(), format, s.cells());
        if (stated.isEmpty() || !figure.complete() || stated.get().compareTo(figure.value()) == 0) {
            return;
        }
        TableDef def = table.get().def();
        String cell = String.join("、", s.cells().stream().map(g -> g.row().label()).toList()) + " / "
                + s.cells().get(0).column().label();
        BigDecimal value = figure.value();
        List<Term> numbers = List.of(new Term(m.group(), stated.get()), new Term(cell, value));
        int at = m.start();
        if (figure.byParts().isEmpty()) {
            markdown.report(Rule.R8, p.line(at), p.column(at), numbers, "R8.statement", Message.typed(m.group()),
                    def.caption(), cell, Message.number(value), Message.number(stated.get()));
        } else {
            Figure.ByParts parts = figure.byParts().get();
            markdown.report(Rule.R8, p.line(at), p.column(at), numbers, "R8.statementBlank",
                    Message.typed(m.group()), def.caption(), cell, Message.number(value), parts.column(),
                    parts.equation(), Message.number(stated.get()));
        }
    }

    /** The number the statement gives: the group named {@code n}, else group 1; null when it did not take part. */
    private static String number(Matcher m) {
        try {
            return m.group("n");
        } catch (IllegalArgumentException noSuchGroup) {
            return m.groupCount() >= 1 ? m.group(1) : null;
        }
    }

    private static void claim(Report report, FormatDefinition format, NarrativeDef.Claim c, Matcher m, Paragraph p,
                              FileDiagnostics markdown) {
        Optional<TableValues> table = report.table(c.table());
        if (table.isEmpty()) {
            return;
        }
        TableDef def = table.get().def();
        String text = p.text();
        int start = m.start();
        while (start > 0 && SENTENCE_END.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        String before = text.substring(start, m.start());
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
                Optional<BigDecimal> v = def.group(row, column)
                        .map(g -> Figure.of(table.get(), format, List.of(g)).value());
                if (v.isPresent() && v.get().signum() > 0) {
                    above.add(new Term(row.label() + " " + column.label(), v.get()));
                }
            }
        }
        if (!above.isEmpty()) {
            List<String> shown = above.stream().map(t -> t.label() + "(" + t.value().toPlainString() + ")").toList();
            int at = m.start();
            markdown.report(Rule.R8, p.line(at), p.column(at), above, "R8.claim", Message.typed(m.group()),
                    def.caption(), String.join("、", shown));
        }
    }

    /**
     * The value of some cells of a table as the narrative would count them. A blank (or missing) cell is read as the
     * sum of its row's parts, by the row equation the format gives for its column (总计 = 各类申请人之和); a blank cell
     * of a row that has some value written counts 0. A row with no value written at all is unknown: it may be a
     * row left blank, or one that could not be read (a scalar where a list belongs), and the figure is then
     * incomplete.
     *
     * @param complete whether no row of it is unknown: only then may a statement be compared with it (a claim that
     *                 a value is 0 is contradicted by any part above 0)
     * @param byParts  how a blank cell was read, if one was
     */
    record Figure(BigDecimal value, boolean complete, Optional<ByParts> byParts) {
        /** A blank column read by its parts: the column's label and the equation's title (总计 = 各类申请人之和). */
        record ByParts(String column, String equation) {
        }

        static Figure of(TableValues table, FormatDefinition format, List<CellGroup> groups) {
            TableDef def = table.def();
            BigDecimal total = BigDecimal.ZERO;
            boolean complete = true;
            ByParts byParts = null;
            for (CellGroup g : groups) {
                for (int i = 0; i < g.size(); i++) {
                    CellDef cell = def.cells().get(g.cell(i));
                    Optional<BigDecimal> v = table.value(cell);
                    if (v.isPresent()) {
                        total = total.add(v.get());
                        continue;
                    }
                    if (!written(table, cell.row())) {
                        complete = false;
                        continue;
                    }
                    Optional<RuleDef> rule = partsRule(format, def, cell.column());
                    if (rule.isEmpty()) {
                        continue;
                    }
                    for (String key : rule.get().right()) {
                        for (Header leaf : def.column(key).map(Header::leaves).orElse(List.of())) {
                            total = total.add(def.cell(cell.row(), leaf).flatMap(table::value).orElse(BigDecimal.ZERO));
                        }
                    }
                    if (byParts == null) {
                        String title = format.code(rule.get().code()).map(RuleCode::title).orElse(rule.get().code());
                        byParts = new ByParts(cell.column().label(), title);
                    }
                }
            }
            return new Figure(total, complete, Optional.ofNullable(byParts));
        }

        /**
         * Whether a row has any value written. Until the model tells a blank cell from a missing one (issue 9's cell
         * states), this is what tells a row left blank in part from a row that is not there.
         */
        private static boolean written(TableValues table, Header row) {
            for (Header column : table.def().columnsOf(row)) {
                if (table.def().cell(row, column).flatMap(table::value).isPresent()) {
                    return true;
                }
            }
            return false;
        }

        /** The format's equation that gives a column of a row as the sum of the row's other columns. */
        private static Optional<RuleDef> partsRule(FormatDefinition format, TableDef def, Header column) {
            return format.rules().stream()
                    .filter(r -> r.table().equals(def.key()) && r.each() == RuleDef.Each.ROW
                            && r.left().equals(List.of(column.key())))
                    .findFirst();
        }
    }
}

package org.govsite.check;

import org.govsite.format.Header;
import org.govsite.format.RuleDef;
import org.govsite.format.TableDef;
import org.govsite.model.Cell;
import org.govsite.model.TableValues;
import org.govsite.model.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates the references of a rule definition against a table's values: a row path or column key, where a group
 * stands for the sum of its leaves. Shared by the rules within a report and the rules across years.
 */
final class Equations {
    private Equations() {
    }

    /**
     * One side of an equation at one position.
     *
     * @param terms one term per reference, labelled with the reference's short label
     * @param line  the line of the first cell that contributes, for the finding
     */
    record Side(List<Term> terms, int line, int column) {
        BigDecimal sum() {
            return terms.stream().map(Term::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        String show() {
            List<String> parts = new ArrayList<>();
            for (Term t : terms) {
                parts.add(t.label() + "(" + t.value().toPlainString() + ")");
            }
            return String.join(" + ", parts);
        }
    }

    /** The positions a rule is repeated over: the leaf columns (each = COLUMN) or the leaf rows (each = ROW). */
    static List<Header> positions(TableDef def, RuleDef.Each each, List<String> scope) {
        if (each == RuleDef.Each.COLUMN) {
            return def.columnLeaves();
        }
        List<Header> rows = def.rowLeaves();
        if (scope.isEmpty()) {
            return rows;
        }
        return rows.stream().filter(r -> scope.stream().anyMatch(s -> r.path().equals(s)
                || r.path().startsWith(s + "."))).toList();
    }

    /**
     * Evaluates Σ refs at one position, or empty when a cell it needs is missing (the missing cell is its own
     * finding) or the references do not apply at that position (a block without that column).
     */
    static Optional<Side> side(TableValues values, RuleDef.Each each, Header position, List<String> refs) {
        TableDef def = values.def();
        List<Term> terms = new ArrayList<>();
        int line = Integer.MAX_VALUE;
        int column = 0;
        for (String ref : refs) {
            Header group = (each == RuleDef.Each.COLUMN ? def.row(ref) : def.column(ref)).orElseThrow();
            BigDecimal sum = BigDecimal.ZERO;
            for (Header leaf : group.leaves()) {
                Header row = each == RuleDef.Each.COLUMN ? leaf : position;
                Header col = each == RuleDef.Each.COLUMN ? position : leaf;
                if (def.cell(row.path(), col.key()).isEmpty()) {
                    return Optional.empty();
                }
                Optional<Cell> cell = values.cell(row, col);
                if (cell.isEmpty()) {
                    return Optional.empty();
                }
                sum = sum.add(cell.get().value());
                if (cell.get().line() < line) {
                    line = cell.get().line();
                    column = cell.get().column();
                }
            }
            terms.add(new Term(group.shortLabel(), sum));
        }
        return Optional.of(new Side(terms, line == Integer.MAX_VALUE ? values.line() : line, column));
    }
}

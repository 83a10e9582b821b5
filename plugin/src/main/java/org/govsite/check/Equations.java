package org.govsite.check;

import org.govsite.format.CellGroup;
import org.govsite.format.RuleDef;
import org.govsite.model.Cell;
import org.govsite.model.TableValues;
import org.govsite.model.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates one side of an equation: the references of a rule, resolved to groups of cells when the format was read.
 * Shared by the rules within a report and the rules across years.
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

    /** Σ groups, or empty when a cell it needs is missing (the missing cell is its own finding). */
    static Optional<Side> side(TableValues values, RuleDef.Each each, List<CellGroup> groups) {
        List<Term> terms = new ArrayList<>();
        Cell first = null;
        for (CellGroup group : groups) {
            Optional<TableValues.Sum> sum = values.sum(group);
            if (sum.isEmpty()) {
                return Optional.empty();
            }
            Cell c = sum.get().first();
            if (first == null || c.line() < first.line()) {
                first = c;
            }
            terms.add(new Term(each.reference(group).shortLabel(), sum.get().value()));
        }
        return Optional.of(first == null ? new Side(terms, values.line(), 0)
                : new Side(terms, first.line(), first.column()));
    }
}

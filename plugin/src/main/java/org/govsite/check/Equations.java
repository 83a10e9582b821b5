package org.govsite.check;

import org.govsite.diagnostics.Message;
import org.govsite.format.CellGroup;
import org.govsite.format.RuleDef;
import org.govsite.model.Cell;
import org.govsite.model.CellState;
import org.govsite.model.TableValues;
import org.govsite.model.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Evaluates one side of an equation: the references of a rule, resolved to groups of cells when the format was read.
 * Shared by the rules within a report and the rules across years.
 *
 * <p>A draft's equation is decided only when every cell is a number ({@link #side}). A published record's is decided
 * over its blanks ({@link #sideOverBlanks}): a blank (or "/") counts as the value the rest of the table implies for
 * it, when one does, and otherwise as 0, and the side says how many it counted so.
 */
final class Equations {
    private Equations() {
    }

    /**
     * One reference of a side: the sum of its cells.
     *
     * @param blanks  how many of its cells are blank (or "/") and counted as 0
     * @param implied how many are blank and counted as the value the table implies for them
     * @param size    how many cells it has
     */
    record Part(String label, String name, BigDecimal value, int blanks, int implied, int size) {
        /** The part as a finding shows it, under its short label: {@code 自然人(3)}, {@code 自然人(空白)}. */
        Message show() {
            return show(label);
        }

        /**
         * The part as a finding shows it, under {@code name}: the number, 空白 when every cell is blank, or the number
         * and 含空白 — words of the message bundles, so that they follow the reader's language.
         */
        Message show(Object name) {
            if (blanks == size) {
                return Message.of("part.blank", name);
            }
            return Message.of(blanks + implied == 0 ? "part.value" : "part.withBlanks", name, Message.number(value));
        }
    }

    /**
     * One side of an equation at one position.
     *
     * @param parts one part per reference, labelled with the reference's short label
     * @param line  the line of the first cell that contributes, for the finding
     * @param lone  the index of the cell when the side is one cell that is blank as published, else -1
     */
    record Side(List<Part> parts, int line, int column, int lone) {
        BigDecimal sum() {
            return parts.stream().map(Part::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** How many cells are blank and counted as 0. */
        int blanks() {
            return parts.stream().mapToInt(Part::blanks).sum();
        }

        /** How many cells are blank, counted as 0 or as the value implied for them. */
        int blankCells() {
            return parts.stream().mapToInt(p -> p.blanks() + p.implied()).sum();
        }

        List<Term> terms() {
            return parts.stream().map(p -> new Term(p.label(), p.value())).toList();
        }

        /** The side as a finding shows it: its parts joined by " + ". */
        Message show() {
            Message out = null;
            for (Part p : parts) {
                out = out == null ? p.show() : Message.of("terms.plus", out, p.show());
            }
            return out;
        }

        OptionalInt loneBlank() {
            return lone < 0 ? OptionalInt.empty() : OptionalInt.of(lone);
        }
    }

    /** Σ groups, or empty when a cell it needs is missing, blank or "/" (a draft's blank is its own finding). */
    static Optional<Side> side(TableValues values, RuleDef.Each each, List<CellGroup> groups) {
        Optional<Side> side = sideOverBlanks(values, Map.of(), each, groups);
        return side.filter(s -> s.blankCells() == 0);
    }

    /**
     * Σ groups where a blank or "/" counts as its implied value, or as 0; empty only when a cell is missing.
     *
     * @param implied the values the table implies for some of its blank cells, by cell index
     */
    static Optional<Side> sideOverBlanks(TableValues values, Map<Integer, BigDecimal> implied, RuleDef.Each each,
                                         List<CellGroup> groups) {
        List<Part> parts = new ArrayList<>();
        Cell first = null;
        int lone = -1;
        for (CellGroup group : groups) {
            BigDecimal sum = BigDecimal.ZERO;
            int blanks = 0;
            int fromTable = 0;
            for (int i = 0; i < group.size(); i++) {
                Optional<Cell> c = values.cell(values.def().cells().get(group.cell(i)));
                if (c.isEmpty()) {
                    return Optional.empty();
                }
                Cell cell = c.get();
                if (cell.isNumber()) {
                    sum = sum.add(cell.value());
                } else if (implied.containsKey(group.cell(i))) {
                    sum = sum.add(implied.get(group.cell(i)));
                    fromTable++;
                } else {
                    blanks++;
                }
                if (first == null || cell.line() < first.line()) {
                    first = cell;
                }
            }
            if (groups.size() == 1 && group.size() == 1 && blanks == 1
                    && values.cell(values.def().cells().get(group.cell(0))).orElseThrow().state() == CellState.BLANK) {
                lone = group.cell(0);
            }
            parts.add(new Part(each.reference(group).shortLabel(), each.reference(group).label(), sum, blanks, fromTable, group.size()));
        }
        return Optional.of(first == null ? new Side(parts, values.line(), 0, lone)
                : new Side(parts, first.line(), first.column(), lone));
    }
}

package org.govsite.check;

import org.govsite.format.CellGroup;
import org.govsite.format.FormatDefinition;
import org.govsite.format.RuleDef;
import org.govsite.format.TableDef;
import org.govsite.format.Header;
import org.govsite.format.RuleDef;
import org.govsite.format.YearRuleDef;
import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.model.Report;
import org.govsite.diagnostics.Rule;
import org.govsite.model.TableValues;
import org.govsite.model.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * R5 and R6: the equations between consecutive years of one agency, left(N) = previous(N−1) + plus(N) − minus(N).
 * They run only when the previous report is the year before and both reports carry the table the rule names.
 */
final class YearRules {
    private YearRules() {
    }

    static void check(Report report, FormatDefinition format, Report previous, FileDiagnostics yaml) {
        if (previous == null || previous.year() != report.year() - 1) {
            return;
        }
        for (YearRuleDef rule : format.yearRules()) {
            Optional<TableValues> now = report.table(rule.table());
            Optional<TableValues> before = previous.table(rule.table());
            if (now.isEmpty() || before.isEmpty()) {
                continue;
            }
            TableDef previousDef = before.get().def();
            for (YearRuleDef.Instance at : rule.instances()) {
                Header position = at.position();
                Optional<List<CellGroup>> previousCells = previousCells(previousDef, rule, position);
                if (previousCells.isEmpty()) {
                    continue;
                }
                Optional<Equations.Side> left = Equations.side(now.get(), rule.each(), at.left());
                Optional<Equations.Side> prev = Equations.side(before.get(), rule.each(), previousCells.get());
                Optional<Equations.Side> plus = Equations.side(now.get(), rule.each(), at.plus());
                Optional<Equations.Side> minus = Equations.side(now.get(), rule.each(), at.minus());
                if (left.isEmpty() || prev.isEmpty() || plus.isEmpty() || minus.isEmpty()) {
                    continue;
                }
                BigDecimal expected = prev.get().sum().add(plus.get().sum()).subtract(minus.get().sum());
                if (left.get().sum().compareTo(expected) != 0) {
                    List<Term> numbers = new ArrayList<>(left.get().terms());
                    String rightText = previous.year() + prev.get().show();
                    numbers.addAll(prev.get().terms());
                    if (!plus.get().terms().isEmpty()) {
                        rightText += " + " + plus.get().show();
                        numbers.addAll(plus.get().terms());
                    }
                    for (Term t : minus.get().terms()) {
                        rightText += " − " + t.label() + "(" + t.value().toPlainString() + ")";
                        numbers.add(t);
                    }
                    yaml.report(Rule.of(format, rule.code()), left.get().line(), left.get().column(), numbers,
                            "rule.equation", position.shortLabel(),
                                    report.year() + left.get().show(), rightText);
                }
            }
        }
    }

    /**
     * The cells of the rule's previous-year references in the previous report's table, at the same position. That
     * table may be of another format (R5 runs across formats), so these are resolved by name, here.
     */
    private static Optional<List<CellGroup>> previousCells(TableDef previous, YearRuleDef rule, Header position) {
        boolean eachColumn = rule.each() == RuleDef.Each.COLUMN;
        Optional<Header> samePosition = eachColumn ? previous.column(position.key()) : previous.row(position.path());
        if (samePosition.isEmpty()) {
            return Optional.empty();
        }
        List<CellGroup> out = new ArrayList<>();
        for (String ref : rule.previous()) {
            Optional<Header> header = eachColumn ? previous.row(ref) : previous.column(ref);
            Optional<CellGroup> group = header.flatMap(h -> eachColumn ? previous.group(h, samePosition.get())
                    : previous.group(samePosition.get(), h));
            if (group.isEmpty()) {
                return Optional.empty();
            }
            out.add(group.get());
        }
        return Optional.of(out);
    }
}

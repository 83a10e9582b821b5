package org.govsite.check;

import org.govsite.format.FormatDefinition;
import org.govsite.format.Header;
import org.govsite.format.RuleDef;
import org.govsite.format.YearRuleDef;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Messages;
import org.govsite.model.Report;
import org.govsite.diagnostics.Rule;
import org.govsite.model.TableValues;
import org.govsite.model.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * R5 and R6: the equations between consecutive years of one agency, left(N) = previous(N−1) + plus(N) − minus(N).
 * They run only when the previous report is the year before and both reports carry the table the rule names.
 */
final class YearRules {
    private YearRules() {
    }

    static void check(Report report, FormatDefinition format, Report previous, Messages messages,
                      Consumer<Finding> findings) {
        if (previous == null || previous.year() != report.year() - 1) {
            return;
        }
        for (YearRuleDef rule : format.yearRules()) {
            Optional<TableValues> now = report.table(rule.table());
            Optional<TableValues> before = previous.table(rule.table());
            if (now.isEmpty() || before.isEmpty()) {
                continue;
            }
            for (Header position : Equations.positions(now.get().def(), rule.each(), rule.scope())) {
                Optional<Header> samePosition = rule.each() == RuleDef.Each.COLUMN
                        ? before.get().def().column(position.key())
                        : before.get().def().row(position.path());
                if (samePosition.isEmpty() || !refsExist(before.get(), rule)) {
                    continue;
                }
                Optional<Equations.Side> left = Equations.side(now.get(), rule.each(), position, rule.left());
                Optional<Equations.Side> prev = Equations.side(before.get(), rule.each(), samePosition.get(),
                        rule.previous());
                Optional<Equations.Side> plus = Equations.side(now.get(), rule.each(), position, rule.plus());
                Optional<Equations.Side> minus = Equations.side(now.get(), rule.each(), position, rule.minus());
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
                    findings.accept(Finding.of(Rule.valueOf(rule.code()), report.yamlPath(), left.get().line(),
                            left.get().column(), messages.text("rule.equation", position.shortLabel(),
                                    report.year() + left.get().show(), rightText)).withNumbers(numbers));
                }
            }
        }
    }

    private static boolean refsExist(TableValues previous, YearRuleDef rule) {
        return rule.previous().stream().allMatch(ref -> rule.each() == RuleDef.Each.COLUMN
                ? previous.def().row(ref).isPresent() : previous.def().column(ref).isPresent());
    }
}

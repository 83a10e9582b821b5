package org.govsite.check;

import org.govsite.format.FormatDefinition;
import org.govsite.format.Header;
import org.govsite.format.RuleDef;
import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.model.Report;
import org.govsite.diagnostics.Rule;
import org.govsite.model.TableValues;
import org.govsite.model.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** R1–R4: the equations between the cells of one report's tables, as the format defines them. */
final class TableRules {
    private TableRules() {
    }

    static void check(Report report, FormatDefinition format, FileDiagnostics yaml) {
        for (RuleDef rule : format.rules()) {
            Optional<TableValues> values = report.table(rule.table());
            if (values.isEmpty()) {
                continue;
            }
            for (RuleDef.Instance at : rule.instances()) {
                Header position = at.position();
                Optional<Equations.Side> left = Equations.side(values.get(), rule.each(), at.left());
                Optional<Equations.Side> right = Equations.side(values.get(), rule.each(), at.right());
                if (left.isEmpty() || right.isEmpty()) {
                    continue;
                }
                if (left.get().sum().compareTo(right.get().sum()) != 0) {
                    List<Term> numbers = new ArrayList<>(left.get().terms());
                    numbers.addAll(right.get().terms());
                    Equations.Side first = left.get();
                    yaml.report(Rule.of(format, rule.code()), first.line(), first.column(), numbers, "rule.equation",
                            position.shortLabel(), left.get().show(), right.get().show());
                }
            }
        }
    }
}

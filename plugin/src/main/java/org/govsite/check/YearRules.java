package org.govsite.check;

import org.govsite.diagnostics.Message;
import org.govsite.format.CellDef;
import org.govsite.format.CellGroup;
import org.govsite.format.FormatDefinition;
import org.govsite.format.RuleDef;
import org.govsite.format.TableDef;
import org.govsite.format.Header;
import org.govsite.format.YearRuleDef;
import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.model.Cell;
import org.govsite.model.Report;
import org.govsite.diagnostics.Rule;
import org.govsite.model.TableValues;
import org.govsite.model.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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
                boolean overBlanks = report.meta().isPublished();
                Optional<Equations.Side> left = side(overBlanks, now.get(), rule, at.left());
                Optional<Equations.Side> prev = side(overBlanks, before.get(), rule, previousCells.get());
                Optional<Equations.Side> plus = side(overBlanks, now.get(), rule, at.plus());
                Optional<Equations.Side> minus = side(overBlanks, now.get(), rule, at.minus());
                if (left.isEmpty() || prev.isEmpty() || plus.isEmpty() || minus.isEmpty()) {
                    continue;
                }
                Rule code = Rule.of(format, rule.code());
                BigDecimal expected = prev.get().sum().add(plus.get().sum()).subtract(minus.get().sum());
                Message right = Message.of("year.right", previous.year(),
                        expression(prev.get(), plus.get(), minus.get()), previous.yamlPath(), prev.get().line());
                boolean each = rule.each() == RuleDef.Each.COLUMN;
                String where = position.label();
                OptionalInt lone = left.get().loneBlank();
                if (lone.isPresent()) {
                    CellDef def = now.get().def().cells().get(lone.getAsInt());
                    Cell cell = now.get().cell(def).orElseThrow();
                    if (expected.signum() == 0) {
                        yaml.note(code, cell.pos(), "year.blankZero", def.row().label(), def.column().label(), right);
                    } else {
                        yaml.report(code, cell.line(), cell.column(), List.of(new Term(def.column().shortLabel(),
                                expected)), "year.blankTotal", def.row().label(), def.column().label(), right,
                                Message.number(expected));
                    }
                    continue;
                }
                int blanks = left.get().blanks() + prev.get().blanks() + plus.get().blanks() + minus.get().blanks();
                if (left.get().sum().compareTo(expected) != 0) {
                    List<Term> numbers = new ArrayList<>(left.get().terms());
                    numbers.addAll(prev.get().terms());
                    numbers.addAll(plus.get().terms());
                    numbers.addAll(minus.get().terms());
                    yaml.report(code, left.get().line(), left.get().column(), numbers,
                            each ? "year.equation.column" : "year.equation.row", where, report.year(),
                            names(left.get()), right);
                } else if (blanks > 0) {
                    yaml.note(code, yaml.at(left.get().line(), left.get().column()),
                            each ? "year.blankAsZero.column" : "year.blankAsZero.row", where, report.year(),
                            names(left.get()), right);
                }
            }
        }
    }

    private static Optional<Equations.Side> side(boolean overBlanks, TableValues values, YearRuleDef rule,
                                                 List<CellGroup> groups) {
        return overBlanks ? Equations.sideOverBlanks(values, Map.of(), rule.each(), groups)
                : Equations.side(values, rule.each(), groups);
    }

    /** “四、结转下年度继续办理”(2): each part by its official label, with its value, joined by " + ". */
    private static Message names(Equations.Side side) {
        Message out = null;
        for (Equations.Part p : side.parts()) {
            Message part = p.show(Message.of("label.quoted", p.name()));
            out = out == null ? part : Message.of("terms.plus", out, part);
        }
        return out;
    }

    /** The previous year's parts, then the terms added and taken away: “…”(2) + “本年制发件数”(2) − “本年废止件数”(1). */
    private static Message expression(Equations.Side previous, Equations.Side plus, Equations.Side minus) {
        Message out = names(previous);
        for (Equations.Part p : plus.parts()) {
            out = Message.of("terms.plus", out, p.show(Message.of("label.quoted", p.name())));
        }
        for (Equations.Part p : minus.parts()) {
            out = Message.of("terms.minus", out, p.show(Message.of("label.quoted", p.name())));
        }
        return out;
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

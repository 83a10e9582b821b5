package org.govsite.check;

import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.Rule;
import org.govsite.format.CellDef;
import org.govsite.format.CellGroup;
import org.govsite.format.FormatDefinition;
import org.govsite.format.Header;
import org.govsite.format.RuleDef;
import org.govsite.model.Cell;
import org.govsite.model.Report;
import org.govsite.model.TableValues;
import org.govsite.model.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * R1–R4: the equations between the cells of one report's tables, as the format defines them.
 *
 * <p>In a draft an equation with a blank cell is not decided (the blank is its own finding, Y4). In a published record
 * it is decided where it can be, as {@link #overBlanks} describes.
 */
final class TableRules {
    private TableRules() {
    }

    static void check(Report report, FormatDefinition format, FileDiagnostics yaml) {
        if (report.meta().isPublished()) {
            overBlanks(report, format, yaml);
            return;
        }
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

    /** One equation at one position of one table. */
    private record At(RuleDef rule, RuleDef.Instance instance, TableValues values) {
    }

    /**
     * A published record's equations, decided over its blanks.
     * <ol>
     *   <li>Where one side of an equation is a single blank cell (a 总计 left blank), the other side implies its
     *       value: a warning that states it ("…栏为空；按各类申请人之和应为 272"), or a note when it is 0. A side that
     *       holds another such blank waits until that one is implied, so that the 总计 column of the outcome rows is
     *       the sum of their implied totals.</li>
     *   <li>Every other equation is then decided with the implied values and the remaining blanks as 0: when it holds,
     *       its blanks are all implied 0 by the rest of the table (a note, "空白按 0 计"); when it does not, a
     *       warning with both sides, the blanks shown as such.</li>
     * </ol>
     */
    private static void overBlanks(Report report, FormatDefinition format, FileDiagnostics yaml) {
        List<At> all = equations(report, format);
        Map<String, Map<Integer, BigDecimal>> implied = new HashMap<>();
        Map<At, Integer> defines = imply(all, implied);
        for (At at : all) {
            Rule code = Rule.of(format, at.rule().code());
            Map<Integer, BigDecimal> known = implied.getOrDefault(at.values().def().key(), Map.of());
            Integer defined = defines.get(at);
            if (defined != null) {
                CellDef def = at.values().def().cells().get(defined);
                Cell cell = at.values().cell(def).orElseThrow();
                BigDecimal value = known.get(defined);
                boolean leftIsLone = at.instance().left().size() == 1 && at.instance().left().get(0).size() == 1
                        && at.instance().left().get(0).cell(0) == defined;
                Message by = otherSide(code, leftIsLone);
                if (value.signum() == 0) {
                    yaml.note(code, cell.pos(), "rule.blankZero", def.row().label(), def.column().label(), by);
                } else {
                    yaml.report(code, cell.line(), cell.column(), List.of(new Term(def.column().shortLabel(), value)),
                            "rule.blankTotal", def.row().label(), def.column().label(), by,
                            Message.number(value));
                }
                continue;
            }
            Optional<Equations.Side> left = Equations.sideOverBlanks(at.values(), known, at.rule().each(),
                    at.instance().left());
            Optional<Equations.Side> right = Equations.sideOverBlanks(at.values(), known, at.rule().each(),
                    at.instance().right());
            if (left.isEmpty() || right.isEmpty()) {
                continue;
            }
            String position = at.instance().position().shortLabel();
            boolean blanks = left.get().blankCells() + right.get().blankCells() > 0;
            if (left.get().sum().compareTo(right.get().sum()) != 0) {
                List<Term> numbers = new ArrayList<>(left.get().terms());
                numbers.addAll(right.get().terms());
                yaml.report(code, left.get().line(), left.get().column(), numbers,
                        blanks ? "rule.equationBlank" : "rule.equation", position, left.get().show(),
                        right.get().show());
            } else if (left.get().blanks() + right.get().blanks() > 0) {
                yaml.note(code, yaml.at(left.get().line(), left.get().column()), "rule.blankAsZero", position,
                        left.get().show(), right.get().show());
            }
        }
    }

    /** Every equation of the format at every position, on the tables the report has. */
    private static List<At> equations(Report report, FormatDefinition format) {
        List<At> all = new ArrayList<>();
        for (RuleDef rule : format.rules()) {
            Optional<TableValues> values = report.table(rule.table());
            if (values.isPresent()) {
                for (RuleDef.Instance at : rule.instances()) {
                    all.add(new At(rule, at, values.get()));
                }
            }
        }
        return all;
    }

    /**
     * The values a published record's tables imply for its blank cells, by table key and cell index: a blank cell
     * that is one side of an equation is the other side's sum (step 1 of {@link #overBlanks}). Used by the year's
     * sums, so that a blank 总计 adds what it stands for.
     */
    static Map<String, Map<Integer, BigDecimal>> implied(Report report, FormatDefinition format) {
        Map<String, Map<Integer, BigDecimal>> implied = new HashMap<>();
        imply(equations(report, format), implied);
        return implied;
    }

    /** Fills {@code implied}; returns the equation that implies each cell. */
    private static Map<At, Integer> imply(List<At> all, Map<String, Map<Integer, BigDecimal>> implied) {
        Map<At, Integer> defines = new LinkedHashMap<>();
        Set<String> candidates = new HashSet<>();
        for (At at : all) {
            for (boolean leftIsLone : new boolean[] {true, false}) {
                lone(at, Map.of(), leftIsLone).ifPresent(c -> candidates.add(key(at, c)));
            }
        }
        boolean waitForOthers = true;
        while (true) {
            boolean progress = false;
            for (At at : all) {
                if (defines.containsKey(at)) {
                    continue;
                }
                Map<Integer, BigDecimal> known = implied.computeIfAbsent(at.values().def().key(), k -> new HashMap<>());
                for (boolean leftIsLone : new boolean[] {true, false}) {
                    OptionalInt cell = lone(at, known, leftIsLone);
                    List<CellGroup> other = leftIsLone ? at.instance().right() : at.instance().left();
                    if (cell.isEmpty() || (waitForOthers && pending(at, other, candidates, known))) {
                        continue;
                    }
                    Optional<Equations.Side> side = Equations.sideOverBlanks(at.values(), known,
                            at.rule().each(), other);
                    if (side.isPresent()) {
                        known.put(cell.getAsInt(), side.get().sum());
                        defines.put(at, cell.getAsInt());
                        progress = true;
                        break;
                    }
                }
            }
            if (!progress) {
                if (!waitForOthers) {
                    break;
                }
                waitForOthers = false;
            }
        }
        return defines;
    }

    /** The cell of one side of an equation when that side is a single blank cell not yet implied. */
    private static OptionalInt lone(At at, Map<Integer, BigDecimal> known, boolean left) {
        List<CellGroup> groups = left ? at.instance().left() : at.instance().right();
        return Equations.sideOverBlanks(at.values(), known, at.rule().each(), groups)
                .map(Equations.Side::loneBlank).orElse(OptionalInt.empty());
    }

    /** Whether these groups hold a blank cell that another equation may still imply. */
    private static boolean pending(At at, List<CellGroup> groups, Set<String> candidates,
                                   Map<Integer, BigDecimal> known) {
        for (CellGroup g : groups) {
            for (int i = 0; i < g.size(); i++) {
                if (candidates.contains(key(at, g.cell(i))) && !known.containsKey(g.cell(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String key(At at, int cell) {
        return at.values().def().key() + ":" + cell;
    }

    /**
     * What the other side of an equation is, in words: the other half of its code's title (总计 = 各类申请人之和 →
     * 各类申请人之和).
     */
    static Message otherSide(Rule code, boolean leftIsLone) {
        return Message.of("text.inLanguage", side(code.title(Locale.CHINA), leftIsLone),
                side(code.title(Locale.ENGLISH), leftIsLone));
    }

    /** One side of a rule's title "left = right": the side that is not the lone blank. */
    private static String side(String title, boolean leftIsLone) {
        int eq = title.indexOf(" = ");
        if (eq < 0) {
            return title;
        }
        return leftIsLone ? title.substring(eq + 3) : title.substring(0, eq);
    }
}

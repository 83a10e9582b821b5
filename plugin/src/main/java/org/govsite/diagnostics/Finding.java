package org.govsite.diagnostics;

import org.govsite.model.Term;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One finding about the input: a value, printed as {@code path:line:col: 错误 [R1] message}.
 *
 * @param file    the path relative to the project, with '/' separators
 * @param line    1-based, 0 when the finding is about a whole file
 * @param column  1-based, 0 when unknown
 * @param numbers the numbers involved, for arithmetic findings
 */
public record Finding(Severity severity, Rule rule, String file, int line, int column, String message,
                      List<Term> numbers) implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line).thenComparingInt(Finding::column)
            .thenComparing(f -> f.rule().code()).thenComparing(Finding::message);

    public Finding {
        numbers = List.copyOf(numbers);
    }

    public static Finding of(Rule rule, String file, int line, int column, String message) {
        return new Finding(rule.severity(), rule, file, line, column, message, List.of());
    }

    public Finding withNumbers(List<Term> terms) {
        return new Finding(severity, rule, file, line, column, message, terms);
    }

    /** {@code path:line:col: 错误 [R1] message}, grep-able. */
    public String format(Locale locale) {
        return file + ":" + line + ":" + column + ": " + severity.label(locale) + " [" + rule.code() + "] " + message;
    }

    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }
}

package org.govsite.diagnostics;

import org.govsite.model.SourcePos;
import org.govsite.model.Term;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One finding about the input: a value, printed as {@code path:line:col: 错误 [R1] message}. Its message is a key and
 * typed arguments ({@link Message}), put into words when printed, in the reader's language.
 *
 * @param file    the path relative to the project, with '/' separators
 * @param line    1-based, 0 when the finding is about a whole file
 * @param column  1-based, 0 when unknown
 * @param content what it says, not yet in words
 * @param numbers the numbers involved, for arithmetic findings
 */
public record Finding(Severity severity, Rule rule, String file, int line, int column, Message content,
                      List<Term> numbers) implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line).thenComparingInt(Finding::column)
            .thenComparing(Finding::rule, Rule.ORDER).thenComparing(f -> f.message());

    public Finding {
        numbers = List.copyOf(numbers);
    }

    public static Finding of(Rule rule, String file, int line, int column, Message content) {
        return new Finding(rule.severity(), rule, file, line, column, content, List.of());
    }

    public static Finding of(Rule rule, SourcePos at, Message content) {
        return of(rule, at.file(), at.line(), at.column(), content);
    }

    /** The same finding at another severity: a published record's errors are warnings. */
    public Finding withSeverity(Severity other) {
        return new Finding(other, rule, file, line, column, content, numbers);
    }

    public Finding withNumbers(List<Term> terms) {
        return new Finding(severity, rule, file, line, column, content, terms);
    }

    /** The message in Chinese, the language of pages. */
    public String message() {
        return content.in(Language.CHINESE);
    }

    /** The message in the reader's language. */
    public String message(Locale locale) {
        return content.in(locale);
    }

    /** {@code path:line:col: 错误 [R1] message}, grep-able, in {@code locale}'s language. */
    public String format(Locale locale) {
        return file + ":" + line + ":" + column + ": " + severity.label(locale) + " [" + rule.code() + "] "
                + message(locale);
    }

    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }
}

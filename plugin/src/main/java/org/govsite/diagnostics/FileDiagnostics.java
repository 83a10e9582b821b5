package org.govsite.diagnostics;

import org.govsite.model.SourcePos;
import org.govsite.model.Term;

import java.util.List;
import java.util.function.Consumer;

/**
 * The findings about one file: every reader and rule that looks at a file reports through one of these, naming only
 * the rule, the place and the message key with its arguments. Not thread-safe; one per file and thread.
 */
public final class FileDiagnostics {
    private final String file;
    private final Consumer<Finding> sink;

    /**
     * @param file the path relative to the project, with '/' separators
     */
    public FileDiagnostics(String file, Consumer<Finding> sink) {
        this.file = file;
        this.sink = sink;
    }

    public String file() {
        return file;
    }

    /** A place in this file. */
    public SourcePos at(int line, int column) {
        return new SourcePos(file, line, column);
    }

    public void report(Rule rule, int line, int column, String key, Object... args) {
        report(rule, line, column, Message.of(key, args));
    }

    public void report(Rule rule, int line, int column, Message message) {
        sink.accept(Finding.of(rule, file, line, column, message));
    }

    /** A finding at a position of this file or another (a cell's position names its own file). */
    public void report(Rule rule, SourcePos at, String key, Object... args) {
        sink.accept(Finding.of(rule, at, Message.of(key, args)));
    }

    /**
     * A note (severity info) under a rule's code: what a rule decided over a published record's blanks, such as
     * 空白按 0 计. It never fails a build unless {@code failOn} would fail on notes.
     */
    public void note(Rule rule, SourcePos at, String key, Object... args) {
        sink.accept(Finding.of(rule, at, Message.of(key, args)).withSeverity(Severity.INFO));
    }

    /** An arithmetic finding, with the numbers it is about. */
    public void report(Rule rule, int line, int column, List<Term> numbers, String key, Object... args) {
        sink.accept(Finding.of(rule, file, line, column, Message.of(key, args)).withNumbers(numbers));
    }
}

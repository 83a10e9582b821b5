package org.govsite.format;

/**
 * A format definition that cannot be used: a fault of the plugin or of a portal's own definition. The message starts
 * with {@code file:line:} when the fault has a place in the file.
 */
public class FormatDefinitionException extends RuntimeException {
    private final String source;
    private final int line;

    public FormatDefinitionException(String source, String message) {
        this(source, 0, message);
    }

    /**
     * @param line 1-based line in {@code source}, 0 when the fault is about the whole file
     */
    public FormatDefinitionException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based, 0 when the fault is about the whole file. */
    public int line() {
        return line;
    }
}

package org.govsite.format;

/** A format definition that cannot be used: a fault of the plugin or of a portal's own definition. */
public class FormatDefinitionException extends RuntimeException {
    private final String source;

    public FormatDefinitionException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public String source() {
        return source;
    }
}

package org.govsite.model;

/**
 * Where a value stands in its source file: the file relative to the project (with '/' separators), the 1-based line
 * and the 1-based column (0 when unknown; line 0 for a whole file).
 */
public record SourcePos(String file, int line, int column) {
    /** No place: a value the build made (a sum), not one a file holds. */
    public static final SourcePos NONE = new SourcePos("", 0, 0);

    public SourcePos {
        if (file == null) {
            throw new IllegalArgumentException("file");
        }
    }
}

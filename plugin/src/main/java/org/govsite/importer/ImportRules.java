package org.govsite.importer;

import org.govsite.diagnostics.Rule;

/**
 * The importer's own finding codes (defined with the checker's in {@link Rule#IMPORT}, so that no format takes them).
 * A file with an {@link #I1} error is not imported.
 */
public final class ImportRules {
    /** What the importer cannot read or place without guessing: the file is not imported. */
    public static final Rule I1 = Rule.I1;
    /** What the importer changed in form only, and says so (full-width digits). */
    public static final Rule I2 = Rule.I2;

    private ImportRules() {
    }
}

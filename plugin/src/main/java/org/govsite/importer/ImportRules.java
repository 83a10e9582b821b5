package org.govsite.importer;

import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;

/** The importer's own finding codes. A file with an {@link #I1} error is not imported. */
public final class ImportRules {
    /** What the importer cannot read or place without guessing: the file is not imported. */
    public static final Rule I1 = new Rule("I1", Severity.ERROR, "导入", "import");
    /** What the importer changed in form only, and says so (full-width digits). */
    public static final Rule I2 = new Rule("I2", Severity.INFO, "导入时转换", "converted on import");

    private ImportRules() {
    }
}

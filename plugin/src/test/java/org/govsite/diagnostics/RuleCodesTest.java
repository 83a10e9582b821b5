package org.govsite.diagnostics;

import org.govsite.format.FormatReader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleCodesTest {
    /** A format's rules carry codes that findings print: each must be a stable code of {@link Rule}. */
    @Test
    void everyFormatRuleCodeIsARule() {
        for (String code : FormatReader.RULE_CODES) {
            assertEquals(code, Rule.valueOf(code).name());
        }
    }
}

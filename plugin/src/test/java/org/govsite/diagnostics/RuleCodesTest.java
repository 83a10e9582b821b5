package org.govsite.diagnostics;

import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.FormatDefinitionException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule codes: the equations' codes come from the formats, the checker's own are fixed, and none clash. */
class RuleCodesTest {
    private static String builtIn(String id) throws IOException {
        try (InputStream in = RuleCodesTest.class.getResourceAsStream("/org/govsite/formats/" + id + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBuiltInFormatsKeepTheStableCodesInTheirPublishedOrder() {
        List<String> codes = Rule.known(FormatCatalog.builtIn()).stream().map(Rule::code).toList();
        assertEquals(List.of("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "Y1", "Y2", "Y3", "Y4",
                "Y5", "M1", "M2", "L1", "P1", "G1"), codes);
        FormatDefinition f2021 = FormatCatalog.builtIn().byId("2021").orElseThrow();
        Rule r6 = Rule.of(f2021, "R6");
        assertEquals(Severity.WARNING, r6.severity());
        assertEquals("现行有效件数 = 上年现行有效 + 本年制发 − 本年废止", r6.title(Language.CHINESE));
        assertEquals("in force = last year + issued − repealed", r6.title(Locale.ENGLISH));
    }

    @Test
    void aPortalFormatDefinesItsOwnRule(@TempDir Path dir) throws IOException {
        String text = builtIn("2021").replace("id: \"2021\"", "id: local").replace("default_by_year: true\n", "")
                .replace("codes:\n", "codes:\n  - {code: HN1, severity: warning, title: 河南省核对, title_en: Henan check}\n")
                .replace("- {code: R4, table: review_litigation", "- {code: HN1, table: review_litigation");
        Files.writeString(dir.resolve("local.yaml"), text, StandardCharsets.UTF_8);
        FormatCatalog catalog = FormatCatalog.withCustom(dir);
        List<Rule> known = Rule.known(catalog);
        Rule hn1 = known.stream().filter(r -> r.code().equals("HN1")).findFirst().orElseThrow();
        assertEquals(new Rule("HN1", Severity.WARNING, "河南省核对", "Henan check"), hn1);
        assertEquals("HN1", known.get(known.size() - 1).code(), "a portal's own codes come last");
    }

    @Test
    void aFormatMayNotTakeACodeOfTheChecker(@TempDir Path dir) throws IOException {
        String text = builtIn("2021").replace("id: \"2021\"", "id: local").replace("default_by_year: true\n", "")
                .replace("codes:\n", "codes:\n  - {code: R7, severity: warning, title: 数值, title_en: value}\n");
        Files.writeString(dir.resolve("local.yaml"), text, StandardCharsets.UTF_8);
        FormatCatalog catalog = FormatCatalog.withCustom(dir);
        FormatDefinitionException e = assertThrows(FormatDefinitionException.class, () -> Rule.known(catalog));
        int line = FormatReaderLines.lineOf(text, "- {code: R7,");
        assertTrue(e.getMessage().startsWith(dir.resolve("local.yaml") + ":" + line + ": rule code R7 is one of the"
                + " checker's own codes"), e.getMessage());
    }

    @Test
    void aFormatMayNotTakeACodeOfTheImporter(@TempDir Path dir) throws IOException {
        for (String code : List.of("I1", "I2")) {
            String text = builtIn("2021").replace("id: \"2021\"", "id: local").replace("default_by_year: true\n", "")
                    .replace("codes:\n", "codes:\n  - {code: " + code + ", severity: error, title: 导入核对, title_en: x}\n");
            Files.writeString(dir.resolve("local.yaml"), text, StandardCharsets.UTF_8);
            FormatCatalog catalog = FormatCatalog.withCustom(dir);
            FormatDefinitionException e = assertThrows(FormatDefinitionException.class, () -> Rule.known(catalog));
            int line = FormatReaderLines.lineOf(text, "- {code: " + code + ",");
            assertTrue(e.getMessage().startsWith(dir.resolve("local.yaml") + ":" + line + ": rule code " + code
                    + " is one of the importer's codes"), e.getMessage());
        }
    }

    @Test
    void theImportersCodesComeAfterTheCheckersAndBeforeAPortals() {
        Rule portal = new Rule("HN1", Severity.WARNING, "河南省核对", "Henan check");
        List<Rule> sorted = java.util.stream.Stream.of(portal, Rule.I2, Rule.G1, Rule.I1, Rule.R7)
                .sorted(Rule.ORDER).toList();
        assertEquals(List.of(Rule.R7, Rule.G1, Rule.I1, Rule.I2, portal), sorted);
        assertEquals(java.util.Optional.of(Rule.I1), Rule.reserved("I1"));
        assertEquals(java.util.Optional.empty(), Rule.fixed("I1"), "a build never reports the importer's codes");
    }

    /** The 1-based line of the first line containing {@code needle}. */
    static final class FormatReaderLines {
        static int lineOf(String text, String needle) {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return i + 1;
                }
            }
            throw new AssertionError(needle);
        }
    }
}

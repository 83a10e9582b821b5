package org.govsite.format;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The format definitions: what is read, and the definitions that are refused with a clear message. */
class FormatReaderTest {
    static String builtIn(String id) throws IOException {
        try (InputStream in = FormatReaderTest.class.getResourceAsStream("/org/govsite/formats/" + id + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void builtInFormatsCarryTheirNarrativeStatements() {
        FormatDefinition f2021 = FormatCatalog.builtIn().byId("2021").orElseThrow();
        FormatDefinition f2019 = FormatCatalog.builtIn().byId("2019").orElseThrow();
        assertTrue(f2021.narrative().statements().stream().anyMatch(s -> s.key().equals("fees")));
        assertFalse(f2019.narrative().statements().stream().anyMatch(s -> s.key().equals("fees")),
                "the 2019 format has no fee amount");
        assertEquals(f2021.narrative().statements().size() - 1, f2019.narrative().statements().size());
        assertEquals("all_upheld", f2021.narrative().claims().get(0).key());
        assertTrue(f2021.narrative().statements().get(0).pattern().matcher("本年新收政府信息公开申请13件").find());
    }

    @Test
    void formatForYear() {
        FormatCatalog c = FormatCatalog.builtIn();
        assertTrue(c.forYear(2018).isEmpty());
        assertEquals("2019", c.forYear(2019).orElseThrow().id());
        assertEquals("2019", c.forYear(2020).orElseThrow().id());
        assertEquals("2021", c.forYear(2021).orElseThrow().id());
        assertEquals("2021", c.forYear(2030).orElseThrow().id());
    }

    @Test
    void ruleCodeThatIsNotARuleIsRefused() throws IOException {
        String text = builtIn("2021").replace("- {code: R2, table: applications", "- {code: R11, table: applications");
        FormatDefinitionException e = assertThrows(FormatDefinitionException.class,
                () -> FormatReader.read(text, "formats/local.yaml"));
        assertTrue(e.getMessage().startsWith("formats/local.yaml: unknown rule code 'R11'"), e.getMessage());
        assertTrue(e.getMessage().contains("one of R1, R2"), e.getMessage());
        assertEquals("formats/local.yaml", e.source());
    }

    @Test
    void yearRuleCodeThatIsNotARuleIsRefused() throws IOException {
        String text = builtIn("2021").replace("- {code: R5, table: applications", "- {code: carry, table: applications");
        FormatDefinitionException e = assertThrows(FormatDefinitionException.class,
                () -> FormatReader.read(text, "local.yaml"));
        assertTrue(e.getMessage().contains("unknown rule code 'carry'"), e.getMessage());
    }

    @Test
    void narrativeStatementMustNameACell() throws IOException {
        String text = builtIn("2021").replace("{key: received, table: applications, row: new,",
                "{key: received, table: applications, row: newly,");
        FormatDefinitionException e = assertThrows(FormatDefinitionException.class,
                () -> FormatReader.read(text, "local.yaml"));
        assertTrue(e.getMessage().contains("narrative statement received: no cell newly[total]"), e.getMessage());
    }

    @Test
    void narrativePatternMustCompileAndCaptureTheNumber() throws IOException {
        String broken = builtIn("2021").replace("pattern: '上年结转", "pattern: '(上年结转");
        FormatDefinitionException e = assertThrows(FormatDefinitionException.class,
                () -> FormatReader.read(broken, "local.yaml"));
        assertTrue(e.getMessage().contains("narrative carried_over: invalid pattern"), e.getMessage());

        String noGroup = builtIn("2021").replace("pattern: '予以公开(?:的)?(?:申请)?\\s*(\\d+)\\s*件'",
                "pattern: '予以公开'");
        assertTrue(!noGroup.equals(builtIn("2021")));
        e = assertThrows(FormatDefinitionException.class, () -> FormatReader.read(noGroup, "local.yaml"));
        assertTrue(e.getMessage().contains("narrative statement granted: the pattern needs a group"), e.getMessage());
    }

    @Test
    void claimMustNameRowsAndColumnsThatExist() throws IOException {
        String text = builtIn("2021").replace("zero: [pending, corrected]", "zero: [pending, reversed]");
        FormatDefinitionException e = assertThrows(FormatDefinitionException.class,
                () -> FormatReader.read(text, "local.yaml"));
        assertTrue(e.getMessage().contains("narrative claim all_upheld: no column reversed"), e.getMessage());
    }
}

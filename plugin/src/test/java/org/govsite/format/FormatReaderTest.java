package org.govsite.format;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

    /** The 1-based line of the first line of {@code text} containing {@code needle}. */
    static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + needle);
    }

    private static FormatDefinitionException refused(String text) {
        return assertThrows(FormatDefinitionException.class, () -> FormatReader.read(text, "formats/local.yaml"));
    }

    /** Asserts the error names the file and line of {@code needle}, then says {@code what}. */
    private static void at(FormatDefinitionException e, String text, String needle, String what) {
        int line = lineOf(text, needle);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("formats/local.yaml:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    /** Bug 4: a typo in a key used to load fine and turn R5, R6 (year_rules) or R8 (narrative) off without a word. */
    @Test
    void aMistypedKeyIsAnErrorAtItsLineWithASuggestion() throws IOException {
        String yearRule = builtIn("2021").replace("year_rules:", "year_rule:");
        at(refused(yearRule), yearRule, "year_rule:", "unknown key 'year_rule' in the format (did you mean 'year_rules'?)");

        String narrative = builtIn("2021").replace("narrative:", "narative:");
        at(refused(narrative), narrative, "narative:", "unknown key 'narative' in the format (did you mean 'narrative'?)");

        String deep = builtIn("2021").replace("{key: carried_over, table: applications, row: carried_over, column: total,",
                "{key: carried_over, table: applications, row: carried_over, colum: total,");
        at(refused(deep), deep, "colum: total", "unknown key 'colum' in a narrative statement (did you mean 'column'?)");

        String header = builtIn("2021").replace("{key: natural_person, label: 自然人}", "{key: natural_person, lable: 自然人}");
        at(refused(header), header, "lable: 自然人", "unknown key 'lable' in a header (did you mean 'label'?)");
    }

    @Test
    void aReferenceToAnUnknownTableRowColumnOrCellIsAnErrorAtItsLine() throws IOException {
        String table = builtIn("2021").replace("{code: R4, table: review_litigation,", "{code: R4, table: review_litigatoin,");
        at(refused(table), table, "table: review_litigatoin", "no table review_litigatoin (did you mean 'review_litigation'?)");

        String row = builtIn("2021").replace("right: [results.total, carried_forward]", "right: [results.total, carried_forwad]");
        at(refused(row), row, "carried_forwad", "no row carried_forwad in table applications (did you mean 'carried_forward'?)");

        String column = builtIn("2021").replace("right: [upheld, corrected, other, pending]", "right: [upheld, corected, other, pending]");
        at(refused(column), column, "corected", "no column corected in table review_litigation");

        String figure = builtIn("2021").replace("{key: corrected, label: 纠正, table: review_litigation, row: review, column: corrected}",
                "{key: corrected, label: 纠正, table: review_litigation, row: review, column: correct}");
        at(refused(figure), figure, "column: correct}", "no column correct in table review_litigation");

        // a row and a column that exist, but not together: item5 has no column 'amount'
        String cell = builtIn("2021").replace("{key: fees, table: active, row: item8.fees, column: amount,",
                "{key: fees, table: active, row: item5.licensing, column: amount,");
        at(refused(cell), cell, "row: item5.licensing", "narrative statement fees: no cell item5.licensing[amount]");
    }

    @Test
    void aDuplicateKeyAndBrokenYamlAreErrorsAtTheirLine() throws IOException {
        String twice = builtIn("2021").replace("title: 国办公开办函〔2021〕30号", "title: 国办公开办函〔2021〕30号\ntitle: again");
        at(refused(twice), twice, "title: again", "the key 'title' is written twice");

        String broken = builtIn("2021").replace("  - key: applications\n", "  - key: applications\n   bad: [\n");
        FormatDefinitionException e = refused(broken);
        assertEquals(lineOf(broken, "bad: ["), e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("formats/local.yaml:" + e.line() + ": YAML: "), e.getMessage());
    }

    /** Bug 6: two tables in one section would share an HTML id and a caption number. */
    @Test
    void twoTablesInOneSectionNeedTheirOwnIdAndNumber() throws IOException {
        String second = """
                  - key: extra
                    section: 4
                    caption: 另一张表
                    layout: spread
                    columns:
                      - {key: total, label: 总计}
                    rows:
                      - {key: review, label: 行政复议}
                """;
        String base = builtIn("2021");
        int at = base.indexOf("# The rule codes");
        String clash = base.substring(0, at) + second + base.substring(at);
        at(refused(clash), clash, "- key: extra", "two tables have the html_id t4 (the other at line "
                + lineOf(clash, "- key: review_litigation") + ")");

        String ownId = base.substring(0, at) + second.replace("section: 4\n", "section: 4\n    html_id: t4b\n")
                + base.substring(at);
        at(refused(ownId), ownId, "- key: extra", "two tables have the number 表四");

        String both = base.substring(0, at) + second.replace("section: 4\n",
                "section: 4\n    html_id: t4b\n    number: 表四（续）\n") + base.substring(at);
        FormatDefinition f = FormatReader.read(both, "formats/local.yaml");
        assertEquals(List.of("t2", "t3", "t4", "t4b"), f.tables().stream().map(TableDef::htmlId).toList());
        assertEquals(List.of("表二", "表三", "表四", "表四（续）"), f.tables().stream().map(TableDef::number).toList());
    }

    @Test
    void unitsAndTheYearMappingAreData() {
        FormatDefinition f2019 = FormatCatalog.builtIn().byId("2019").orElseThrow();
        assertEquals(List.of("元", "万元", "亿元"), f2019.units().stream().map(Unit::name).toList());
        assertEquals(0, new java.math.BigDecimal("10000").compareTo(f2019.unit("万元").orElseThrow().worth()));
        assertTrue(f2019.defaultByYear());
        assertEquals(2019, f2019.firstYear());
        assertEquals(2020, f2019.lastYear());
    }

    @Test
    void aColumnWithUnitsNeedsTheUnitList() throws IOException {
        String text = builtIn("2019").replaceAll("(?s)units:\n(  - .*?\n)+", "");
        FormatDefinitionException e = refused(text);
        assertTrue(e.getMessage().contains("needs the units: list"), e.getMessage());
    }

    @Test
    void ruleCodeThatIsNotDeclaredIsRefused() throws IOException {
        String text = builtIn("2021").replace("- {code: R2, table: applications", "- {code: R11, table: applications");
        FormatDefinitionException e = refused(text);
        at(e, text, "{code: R11,", "unknown rule code 'R11': a rule's code must be one of those under codes: R1, R2");
        assertEquals("formats/local.yaml", e.source());
    }

    @Test
    void yearRuleCodeThatIsNotDeclaredIsRefused() throws IOException {
        String text = builtIn("2021").replace("- {code: R5, table: applications", "- {code: carry, table: applications");
        at(refused(text), text, "{code: carry,", "unknown rule code 'carry'");
    }

    @Test
    void narrativeStatementMustNameACell() throws IOException {
        String text = builtIn("2021").replace("{key: received, table: applications, row: new,",
                "{key: received, table: applications, row: newly,");
        at(refused(text), text, "row: newly", "no row newly in table applications (did you mean 'new'?)");
    }

    @Test
    void narrativePatternMustCompileAndCaptureTheNumber() throws IOException {
        String broken = builtIn("2021").replace("pattern: '上一?年度?结转", "pattern: '(上一?年度?结转");
        at(refused(broken), broken, "pattern: '(上一?年度?结转", "narrative carried_over: invalid pattern");

        String noGroup = builtIn("2021").replace("pattern: '(?<![及和与、])予以公开(?:的)?(?:申请)?\\s*{n}\\s*件'",
                "pattern: '予以公开'");
        assertTrue(!noGroup.equals(builtIn("2021")));
        at(refused(noGroup), noGroup, "pattern: '予以公开'", "narrative statement granted: the pattern needs a group");
    }

    @Test
    void claimMustNameRowsAndColumnsThatExist() throws IOException {
        String text = builtIn("2021").replace("zero: [pending, corrected]", "zero: [pending, reversed]");
        at(refused(text), text, "zero: [pending, reversed]", "no column reversed in table review_litigation");
    }
}

package org.govsite.load;

import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Rule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading YAML with positions: nodes know where they start, and every problem is a located finding. */
class YamlReaderTest {
    private final List<Finding> findings = new ArrayList<>();

    private Optional<YamlNode> read(String text) {
        return new YamlReader(new FileDiagnostics("r.yaml", findings::add)).read(text);
    }

    @Test
    void nodesKnowTheirLineAndColumn() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("year: 2024\ntables:\n  new: [1, 22]\n").orElseThrow();
        YamlNode.Entry tables = root.entry("tables").orElseThrow();
        assertEquals(2, tables.line());
        YamlNode.Mapping inner = (YamlNode.Mapping) tables.value();
        YamlNode.Sequence row = (YamlNode.Sequence) inner.get("new").orElseThrow();
        assertEquals(3, row.items().get(1).line());
        assertEquals(12, row.items().get(1).column());
        assertEquals(YamlNode.Scalar.Type.INTEGER, ((YamlNode.Scalar) row.items().get(1)).type());
        assertEquals(List.of(), findings);
    }

    @Test
    void aSyntaxErrorIsAtTheScannersProblemMark() {
        assertTrue(read("year: 2024\ntitle: a\n  bad: [\nnext: 1\n").isEmpty());
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(Rule.Y1, f.rule());
        assertEquals(3, f.line(), f.format(java.util.Locale.ROOT));
        assertTrue(f.column() > 0);
    }

    @Test
    void aDuplicateKeyIsAFindingAndTheFirstOneIsKept() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("year: 2024\nyear: 2025\n").orElseThrow();
        assertEquals("2024", ((YamlNode.Scalar) root.get("year").orElseThrow()).text());
        assertEquals(1, findings.size());
        assertEquals(Rule.Y2, findings.get(0).rule());
        assertEquals(2, findings.get(0).line());
    }

    @Test
    void nestingBeyondTheParsersLimitIsLocated() {
        assertTrue(read("year: 2024\nrow: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n").isEmpty());
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Rule.Y1, findings.get(0).rule());
        assertEquals(2, findings.get(0).line());
    }

    private String only(String key) {
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(Rule.Y1, f.rule());
        assertEquals(key, f.content().key(), f.toString());
        return f.line() + ":" + f.column();
    }

    @Test
    void fullWidthPunctuationIsNamedAtItsCharacter() {
        assertTrue(read("year：2024\n").isEmpty());
        assertEquals("1:5", only("Y1.fullWidthColon"));
        findings.clear();
        assertTrue(read("year: 2024\nitem: {issued: 0, repealed： 1}\n").isEmpty());
        assertEquals("2:27", only("Y1.fullWidthColon"));
        findings.clear();
        assertTrue(read("year: 2024\nnew: [1，2]\n").isEmpty());
        assertEquals("2:8", only("Y1.fullWidthComma"));
    }

    @Test
    void fullWidthPunctuationInTextIsText() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("title: 关于：一，二\npublisher: \"甲，乙\"\n").orElseThrow();
        assertEquals("关于：一，二", ((YamlNode.Scalar) root.get("title").orElseThrow()).text());
        assertEquals(List.of(), findings);
    }

    @Test
    void syntaxErrorsAreNamedByWhatIsWrong() {
        assertTrue(read("year: 2024\nnew: [1, 2, , 3]\n").isEmpty());
        assertEquals("2:13", only("Y1.emptyItem"));
        findings.clear();
        assertTrue(read("year: 2024\nnew: [1, 2\nold: 3\n").isEmpty());
        assertEquals("2:6", only("Y1.unclosedBracket"), "at the [ that is not closed");
        findings.clear();
        assertTrue(read("year: 2024\nt:\n\tx: 1\n").isEmpty());
        assertEquals("3:1", only("Y1.tab"));
    }
}

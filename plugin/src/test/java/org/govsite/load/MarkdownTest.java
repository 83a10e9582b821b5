package org.govsite.load;

import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Rule;
import org.govsite.model.Narrative;
import org.govsite.model.SourcePos;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing narratives: headings with their positions, and Markdown that cannot be parsed as a located finding. */
class MarkdownTest {
    @Test
    void linesOfOffsets() {
        Markdown.Lines lines = new Markdown.Lines("ab\ncd\n\nlong line\n");
        assertEquals(1, lines.line(0));
        assertEquals(1, lines.line(2));
        assertEquals(2, lines.line(3));
        assertEquals(3, lines.line(6));
        assertEquals(4, lines.line(7));
        assertEquals(4, lines.longest(17));
    }

    @Test
    void headingsCarryTheirPosition() {
        Narrative n = SiteLoader.narrative("intro\n\n## 一、总体情况\n\ntext\n\n## 二、主动公开\n");
        assertEquals(2, n.headings().size());
        assertEquals(new SourcePos("report.md", 3, 1), n.headings().get(0).pos());
        assertEquals("一", n.headings().get(0).numeral());
        assertEquals(7, n.headings().get(1).line());
    }

    @Test
    void markdownNestedTooDeepIsAFindingAtItsLine() {
        List<Finding> findings = new ArrayList<>();
        Optional<Narrative> n = SiteLoader.narrative("## 一、总体情况\n\n" + "> ".repeat(500) + "引用\n",
                new FileDiagnostics("r.md", findings::add));
        assertTrue(n.isEmpty());
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Rule.M1, findings.get(0).rule());
        assertEquals(3, findings.get(0).line());
    }

    @Test
    void markdownTooComplexToParseIsAFindingAtTheLongestLine() {
        List<Finding> findings = new ArrayList<>();
        Optional<Narrative> n = SiteLoader.narrative("## 一、总体情况\n\n" + "*".repeat(50_000) + "\n\n正文\n",
                new FileDiagnostics("r.md", findings::add));
        assertTrue(n.isEmpty());
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(3, findings.get(0).line());
        assertEquals("M1.markdownTooComplex", findings.get(0).content().key());
    }
}

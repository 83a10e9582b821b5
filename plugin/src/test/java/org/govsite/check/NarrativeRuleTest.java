package org.govsite.check;

import org.govsite.pipeline.BuildResult;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Rule;
import org.govsite.model.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R8 in detail: the column of a statement, its numbers, and the phrasings it leaves alone. */
class NarrativeRuleTest {
    private static final String MD = "reports/a/2024/report.md";

    @Test
    void statementFindingGivesColumnAndNumbers() throws IOException {
        BuildResult result = Fixtures.check(Fixtures.invalid().resolve("r8-received-differs"));
        Finding f = result.findings().get(0);
        assertEquals(Rule.R8, f.rule());
        assertEquals(3, f.column(), "本年新收… starts at the third character");
        assertEquals(List.of(new BigDecimal("14"), new BigDecimal("13")),
                f.numbers().stream().map(Term::value).toList());
        assertFalse(result.failed(), "R8 is a warning: failOn error does not fail on it");
    }

    @Test
    void narrowPhrasingsAreLeftAlone(@TempDir Path tmp) throws IOException {
        Fixtures.copy(Fixtures.valid().resolve("baseline"), tmp);
        Path md = tmp.resolve(MD);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        // letters of every kind, a rate, other units, and 予以公开 with a bracketed qualifier are not statements
        text = text.replace("本年行政事业性收费金额0.5万元。", "本年行政事业性收费金额0.5万元。共收到群众来信 117 件，办结率100%。"
                + "全年予以公开（含部分公开）7件。主动公开政府信息5200条。");
        Files.writeString(md, text, StandardCharsets.UTF_8);
        assertEquals(List.of(), Fixtures.check(tmp).findings());
    }

    @Test
    void eachMismatchOnOneLineIsItsOwnFinding(@TempDir Path tmp) throws IOException {
        Fixtures.copy(Fixtures.valid().resolve("baseline"), tmp);
        Path md = tmp.resolve(MD);
        String text = Files.readString(md, StandardCharsets.UTF_8)
                .replace("其中予以公开6件，部分公开1件，不予公开1件，无法提供3件，不予处理1件",
                        "其中予以公开5件，部分公开2件，不予公开2件，无法提供2件，不予处理2件");
        Files.writeString(md, text, StandardCharsets.UTF_8);
        List<Finding> findings = Fixtures.check(tmp).findings();
        assertEquals(5, findings.size(), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.rule() == Rule.R8 && f.line() == 11));
        assertEquals(5, findings.stream().map(Finding::column).distinct().count());
    }

    @Test
    void englishMessages() throws IOException {
        Path dir = Fixtures.invalid().resolve("r8-received-differs");
        Finding f = Fixtures.check(dir, dir, Language.ENGLISH).findings().get(0);
        assertTrue(f.message(Language.ENGLISH).startsWith("the narrative says \"新收政府信息公开申请14件\", but in table"),
                f.message(Language.ENGLISH));
        assertTrue(f.format(Language.ENGLISH).contains(": warning [R8] "), f.format(Language.ENGLISH));
    }
}

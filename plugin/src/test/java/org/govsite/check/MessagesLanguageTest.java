package org.govsite.check;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Findings are Chinese by default and English when the build asks, whatever the platform locale. */
class MessagesLanguageTest {
    private static Finding only(String invalidCase, Rule rule, java.util.Locale language) throws IOException {
        Path dir = Fixtures.invalid().resolve(invalidCase);
        List<Finding> found = Fixtures.check(dir, dir, language).findings().stream()
                .filter(f -> f.rule() == rule).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void unknownKeySuggestsTheNearKey() throws IOException {
        assertEquals("未知的键“carried_ovr”，是否应为“carried_over”？",
                only("y3-misspelt-row-key", Rule.Y3, Language.CHINESE).message());
        assertEquals("unknown key \"carried_ovr\"; did you mean \"carried_over\"?",
                only("y3-misspelt-row-key", Rule.Y3, Language.ENGLISH).message(Language.ENGLISH));
    }

    @Test
    void deadlineInBothLanguages() throws IOException {
        assertEquals("发布日期 2025-02-05 晚于法定期限 2025-01-31（条例第四十九条：部门的年度报告应于次年1月31日前公布）",
                only("r10-department-published-late", Rule.R10, Language.CHINESE).message());
        String en = only("r10-department-published-late", Rule.R10, Language.ENGLISH).message(Language.ENGLISH);
        assertTrue(en.startsWith("published on 2025-02-05, after the legal deadline 2025-01-31"), en);
        assertTrue(en.contains("department"), en);
    }

    @Test
    void sectionsAndValuesInEnglish() throws IOException {
        assertEquals("section 五 \"五、存在的主要问题及改进情况\" is missing",
                only("r9-missing-section", Rule.R9, Language.ENGLISH).message(Language.ENGLISH));
        assertEquals("\"行政处罚 / 本年处理决定数量\" must be a whole number, not 1.5",
                only("r7-decimal-count", Rule.R7, Language.ENGLISH).message(Language.ENGLISH));
        Finding blank = only("y4-null-cell", Rule.Y4, Language.ENGLISH);
        assertTrue(blank.message(Language.ENGLISH).contains("blank is never taken as 0"), blank.message(Language.ENGLISH));
        assertTrue(blank.format(Language.ENGLISH).startsWith("reports/a/2024/report.yaml:37:25: error [Y4] "),
                blank.format(Language.ENGLISH));
    }

    @Test
    void arithmeticShowsTheEquationWithTheNumbers() throws IOException {
        Path dir = Fixtures.invalid().resolve("r1-new-plus-carried-over-mismatch");
        List<String> messages = Fixtures.check(dir).findings().stream().map(Finding::message).toList();
        assertEquals(List.of("自然人：一(9) + 二(1) ≠ （七）总计(10) + 四(1)",
                "商业企业：一(3) + 二(0) ≠ （七）总计(1) + 四(1)"), messages);
    }
}

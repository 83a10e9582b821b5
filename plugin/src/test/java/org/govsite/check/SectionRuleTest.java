package org.govsite.check;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** R9 on titles pasted from Word: one finding at the title's line, saying to make it a level-2 heading. */
class SectionRuleTest {
    private static final String MD = "reports/a/2024/report.md";

    /** The R9 findings of the baseline with its narrative changed: pairs of text and replacement. */
    private static List<String> r9(Path tmp, String... changes) throws IOException {
        Fixtures.copy(Fixtures.valid().resolve("baseline"), tmp);
        Path md = tmp.resolve(MD);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        for (int i = 0; i < changes.length; i += 2) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains(changes[i]), changes[i]);
            text = text.replace(changes[i], changes[i + 1]);
        }
        Files.writeString(md, text, StandardCharsets.UTF_8);
        return Fixtures.check(tmp).findings().stream().filter(f -> f.rule() == Rule.R9)
                .map(f -> f.line() + " " + f.content().key() + " " + f.content().args().get(0)).toList();
    }

    @Test
    void aBoldTitleWithoutHashesIsNamedAtItsLine(@TempDir Path tmp) throws IOException {
        assertEquals(List.of("13 R9.notHeading 四、政府信息公开行政复议、行政诉讼情况"),
                r9(tmp, "## 四、政府信息公开行政复议、行政诉讼情况", "**四、政府信息公开行政复议、行政诉讼情况**"));
    }

    @Test
    void aTitleAtAnotherLevelIsNamedToo(@TempDir Path tmp) throws IOException {
        assertEquals(List.of("5 R9.notHeading 二、主动公开政府信息情况"),
                r9(tmp, "## 二、主动公开政府信息情况", "### 二、主动公开政府信息情况"));
    }

    @Test
    void aTitleWhereTheSectionBelongsIsTakenForIt(@TempDir Path tmp) throws IOException {
        assertEquals(List.of("17 R9.notHeading 五、另行说明"),
                r9(tmp, "## 五、存在的主要问题及改进情况", "五、另行说明"));
    }

    @Test
    void aNumberedLineInAnotherSectionIsNotTakenForTheMissingTitle(@TempDir Path tmp) throws IOException {
        List<String> found = r9(tmp, "## 五、存在的主要问题及改进情况\n\n", "",
                "## 二、主动公开政府信息情况", "五、另行说明\n\n## 二、主动公开政府信息情况");
        assertEquals(List.of("21 R9.missing 五"), found, "missing, where 六 begins");
    }
}

package org.govsite.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pages' words come from pages.properties (UTF-8), and a theme replaces any of them. */
class PageTextTest {
    @Test
    void numbersAreInsertedAsWritten() {
        PageText text = PageText.builtIn();
        assertEquals("2024年度政府信息公开工作年度报告", text.text("year.title", 2024));
        assertEquals("2025年3月2日", text.text("date", 2025, 3, 2));
        assertEquals("存在以下12345条提示，请读者留意。", text.text("report.validation.warnings", 12345));
        assertThrows(IllegalArgumentException.class, () -> text.text("no.such.key"));
    }

    @Test
    void aThemeReplacesTheTextsItNames(@TempDir Path theme) throws IOException {
        Files.writeString(theme.resolve(PageText.THEME_FILE), "# 门户自己的用词\ncrumb.home=门户首页\n"
                + "year.title={0}年政府信息公开年报\n", StandardCharsets.UTF_8);
        PageText text = PageText.of(theme);
        assertEquals("门户首页", text.text("crumb.home"));
        assertEquals("2024年政府信息公开年报", text.text("year.title", 2024));
        assertEquals("开放数据", text.text("opendata.title"), "every other text stays the plugin's");
    }
}

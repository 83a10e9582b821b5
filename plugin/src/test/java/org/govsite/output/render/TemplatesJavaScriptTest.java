package org.govsite.output.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JavaScript serializer is made only when a template inlines a value into JavaScript, and it is still
 * Thymeleaf's own with Jackson: a theme's script gets the same JSON as before (strings escaped for a script, lists
 * as arrays, a record as an object of its components).
 */
class TemplatesJavaScriptTest {
    @TempDir
    Path theme;

    record Item(String name, int count) {
    }

    @Test
    void aThemeTemplateInliningJavaScriptGetsJacksonsJson() throws Exception {
        Files.writeString(theme.resolve("js.html"), """
                <script th:inline="javascript">var v = [[${v}]]; var l = [[${l}]]; var r = [[${r}]];</script>
                """, StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        new Templates(theme).render("js", Map.of("v", "a\"</script>", "l", List.of(1, 2), "r", new Item("甲", 3)),
                out);
        assertEquals("<script>var v = \"a\\\"\\u003C\\/script\\u003E\"; var l = [1,2];"
                + " var r = {\"name\":\"\\u7532\",\"count\":3};</script>\n", out.toString());
    }
}

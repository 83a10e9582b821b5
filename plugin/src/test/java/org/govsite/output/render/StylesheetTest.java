package org.govsite.output.render;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The default stylesheet uses only custom properties it defines: an undefined one silently draws nothing. */
class StylesheetTest {
    @Test
    void everyCustomPropertyUsedIsDefined() throws IOException {
        String css;
        try (InputStream in = StylesheetTest.class.getResourceAsStream("/org/govsite/assets/govsite.css")) {
            assertNotNull(in);
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> defined = names(Pattern.compile("(--[a-z0-9-]+)\\s*:"), css);
        Set<String> used = names(Pattern.compile("var\\((--[a-z0-9-]+)"), css);
        used.removeAll(defined);
        assertEquals(Set.of(), used, "custom properties used but never defined");
    }

    private static Set<String> names(Pattern p, String css) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(css);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}

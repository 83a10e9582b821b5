package org.govsite.browser;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule that picks the pages the browser tests check in every reading mode ({@link SampleSite#onePerKind}): on the
 * sample site it finds each template and each kind of report page, so no kind is left out by accident.
 */
class SampleSiteKindsTest {
    @Test
    void onePageOfEachTemplateAndEachKindOfReport() throws IOException {
        Path site = SampleSite.shared();
        Map<String, String> kinds = SampleSite.onePerKind(site);
        for (String kind : List.of("404.html", "index.html", "search.html", "data/index.html", "years/yyyy.html",
                "agencies/*/index.html", "agencies/*/yyyy.html [国办公开办函〔2021〕30号]",
                "agencies/*/yyyy.html [国办公开办函〔2019〕60号]", "agencies/*/yyyy.html [无表格]",
                "agencies/*/yyyy.html [国办公开办函〔2019〕60号, 按发布原样存档]")) {
            assertTrue(kinds.containsKey(kind), kind + " is not among the kinds found: " + kinds);
        }
        assertEquals(SampleSite.PUBLISHED, kinds.get("agencies/*/yyyy.html [国办公开办函〔2019〕60号, 按发布原样存档]"));
        assertEquals("agencies/shanzhou-zfb/2018.html", kinds.get("agencies/*/yyyy.html [无表格]"));
    }
}

package org.govsite.output.render;

import org.govsite.TestSites;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.GovSite;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files of the sample site, byte for byte, built outside Git (so without revision history): one whole page,
 * then each table layout (the 2021 tables, the 2019 tables) and the main content of the other kinds of page
 * (narrative only, a year, the home page). A change to the frame is one diff; a change to a table layout is one diff
 * per layout. After an intended change, regenerate with
 * {@code mvn -pl plugin test -Dtest=ReportPageGoldenTest -Dgovsite.updateGolden=true} and review the diff in Git.
 */
class ReportPageGoldenTest {
    private static final Path GOLDEN = TestSites.pluginDir().resolve("src/test/resources/golden");
    /** An official table: its ids derive from the format (t2, t3, t4), whatever its classes. */
    private static final Pattern TABLE = Pattern.compile("<table\\b[^>]*\\bid=\"t[0-9]+\"[^>]*>.*?</table>",
            Pattern.DOTALL);
    private static final Pattern MAIN = Pattern.compile("<main\\b.*?</main>", Pattern.DOTALL);

    @TempDir
    static Path tmp;
    static Path site;

    static synchronized Path site() throws IOException {
        if (site == null) {
            Path source = TestSites.copySample(tmp);
            site = tmp.resolve("out");
            assertTrue(new GovSite(BuildConfig.builder(tmp, source).outputDir(site)
                    .baseUrl("https://www.example.gov.cn/ndbg/").build()).generate().published());
        }
        return site;
    }

    /** The part of a page a golden file holds: the whole page, its official tables, or its main content. */
    private static String part(String html, String what) {
        if (what.equals("page")) {
            return html;
        }
        Matcher m = (what.equals("tables") ? TABLE : MAIN).matcher(html);
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(m.group());
        }
        assertFalse(parts.isEmpty(), "no " + what);
        return String.join("\n", parts) + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "agencies_shanzhou-zfb_2024.html, agencies/shanzhou-zfb/2024.html, page",
            "tables-2021.html, agencies/shanzhou-zfb/2024.html, tables",
            "tables-2019.html, agencies/shanzhou-zfb/2020.html, tables",
            "main-narrative-only.html, agencies/shanzhou-zfb/2018.html, main",
            "main-year-2024.html, years/2024.html, main",
            "main-index.html, index.html, main"})
    void matchesItsGoldenFile(String name, String page, String what) throws IOException {
        String actual = part(Files.readString(site().resolve(page), StandardCharsets.UTF_8), what);
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("govsite.updateGolden")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), "no golden file " + golden + ": run with -Dgovsite.updateGolden=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, page + " differs from " + golden);
    }
}

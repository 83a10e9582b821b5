package org.govsite.output.render;

import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.GovSite;
import org.govsite.TestSites;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files: whole pages of the sample site, byte for byte, built outside Git (so without revision history).
 * A change to a template or renderer shows up here as a diff to review. After an intended change, regenerate with
 * {@code mvn -pl plugin test -Dtest=ReportPageGoldenTest -Dgovsite.updateGolden=true} and review the diff in Git.
 */
class ReportPageGoldenTest {
    private static final Path GOLDEN = TestSites.pluginDir().resolve("src/test/resources/golden");

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

    @ParameterizedTest
    @ValueSource(strings = {"agencies/shanzhou-zfb/2024.html", "agencies/shanzhou-zfb/2020.html",
            "agencies/shanzhou-zfb/2018.html", "years/2024.html", "index.html"})
    void pageMatchesItsGoldenFile(String page) throws IOException {
        String actual = Files.readString(site().resolve(page), StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(page.replace('/', '_'));
        if (Boolean.getBoolean("govsite.updateGolden")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), "no golden file " + golden + ": run with -Dgovsite.updateGolden=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, page + " differs from " + golden);
    }
}

package org.govsite.pipeline.preview;

import org.govsite.TestSites;
import org.govsite.diagnostics.Language;
import org.govsite.pipeline.PreviewBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * govsite:serve end to end, without Maven: start the preview of the sample site, fetch a report page, change a number
 * in its report.yaml, and see the new number and the draft's error on the page within a bounded wait.
 */
class PreviewTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Starts the preview of a copy of the sample site; the caller closes it. */
    static Preview start(Path project, List<String> log) throws IOException {
        Path source = TestSites.copySample(project);
        PreviewBuild build = new PreviewBuild(project, source, project.resolve("target/govsite-preview"),
                Language.CHINESE);
        return new Preview(source, "src/govsite", project.resolve("target/govsite-preview"), 0, build::build,
                Language.CHINESE, log::add);
    }

    static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + "\n" + r.body();
    }

    @Test
    void aChangedNumberAndItsErrorShowWithoutABuild(@TempDir Path project) {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            try (Preview preview = start(project, log)) {
                Thread watch = new Thread(() -> {
                    try {
                        preview.run();
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                }, "preview-test");
                watch.setDaemon(true);
                watch.start();
                URI page = preview.address().resolve("agencies/shanzhou-zfb/2024.html");
                String before = get(page);
                assertTrue(before.startsWith("200\n"), before.substring(0, 40));
                assertTrue(before.contains("/__govsite/reload.js"), "the preview adds its reload script");
                assertFalse(before.contains("govsite-preview-findings"), "no findings on a clean report");
                assertTrue(log.stream().anyMatch(l -> l.contains("预览已生成")), log.toString());

                Path yaml = project.resolve("src/govsite/reports/shanzhou-zfb/2024/report.yaml");
                TestSites.replaceIn(yaml, "new:          [13,  0,  0,  0,  0,  0, 13]",
                        "new:          [13,  0,  0,  0,  0,  0, 4321]");
                String after = before;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!(after.contains("4321") && after.contains("govsite-preview-findings"))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    after = get(page);
                }
                assertTrue(after.contains("4321"), "the new number is on the page");
                assertTrue(after.contains("govsite-preview-findings"), "the draft's findings box");
                assertTrue(after.contains("report.yaml:"), "findings name file and line");
                assertTrue(after.contains("[R2]"), "总计 ≠ 各类申请人之和 is an error, and the page is still shown");

                assertTrue(get(preview.address().resolve("%2e%2e/%2e%2e/pom.xml")).startsWith("404"));
                assertTrue(get(preview.address().resolve("..%2F..%2Fsrc/govsite/site.yaml")).startsWith("404"));
            }
            try (var s = Files.list(project.resolve("target/govsite-preview"))) {
                assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".govsite-tmp")));
            }
        });
    }

    @Test
    void refusesAFolderItDidNotMake(@TempDir Path project) throws IOException {
        Path preview = project.resolve("target/govsite-preview");
        Files.createDirectories(preview);
        Files.writeString(preview.resolve("mine.txt"), "keep");
        List<String> log = new ArrayList<>();
        try {
            start(project, log).close();
            throw new AssertionError("a foreign folder must be refused");
        } catch (IOException e) {
            assertTrue(e.getMessage().contains("not a govsite preview folder"), e.getMessage());
        }
        assertEquals("keep", Files.readString(preview.resolve("mine.txt")));
    }

    @Test
    void refusesAPreviewFolderInsideTheSources(@TempDir Path project) throws IOException {
        Path source = TestSites.copySample(project);
        Path inside = source.resolve("reports/preview");
        List<String> before = TestSites.files(source);
        PreviewBuild build = new PreviewBuild(project, source, inside, Language.CHINESE);
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> build.build(java.util.Set.of()));
        assertTrue(e.getMessage().contains("source folder"), e.getMessage());
        assertEquals(before, TestSites.files(source), "nothing in the sources is written or deleted");
        assertFalse(Files.exists(inside));
    }
}

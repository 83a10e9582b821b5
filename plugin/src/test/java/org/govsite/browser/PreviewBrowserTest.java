package org.govsite.browser;

import org.govsite.TestSites;
import org.govsite.diagnostics.Language;
import org.govsite.pipeline.PreviewBuild;
import org.govsite.pipeline.preview.Preview;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** govsite:serve in Chromium: a saved change reloads the open page by itself, and a draft's error shows on it. */
@ResourceLock(Chromium.SECOND_WINDOW)
class PreviewBrowserTest {
    @Test
    void theOpenPageReloadsByItself(@TempDir Path project) throws IOException, InterruptedException {
        String missing = Chromium.missing();
        Assumptions.assumeTrue(missing == null, missing);
        Path source = TestSites.copySample(project);
        Path out = project.resolve("target/govsite-preview");
        List<String> log = new ArrayList<>();
        ChromeDriver driver = Chromium.second();
        try (Preview preview = new Preview(source, "src/govsite", out, 0,
                new PreviewBuild(project, source, out, Language.CHINESE)::build, Language.CHINESE, log::add)) {
            Thread watch = new Thread(() -> {
                try {
                    preview.run();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, "preview-browser-test");
            watch.setDaemon(true);
            watch.start();
            driver.get(preview.address().resolve("agencies/shanzhou-zfb/2024.html").toString());
            // the reload script has connected when the page has loaded; mark this page to see it replaced
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(
                    driver.executeScript("return document.readyState")));
            Thread.sleep(500);
            driver.executeScript("window.__govsiteTestMark = 1;");

            TestSites.replaceIn(source.resolve("reports/shanzhou-zfb/2024/report.yaml"),
                    "new:          [13,  0,  0,  0,  0,  0, 13]", "new:          [13,  0,  0,  0,  0,  0, 4321]");

            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                    !d.findElements(By.id("govsite-preview-findings")).isEmpty()
                            && d.findElement(By.tagName("body")).getText().contains("4321"));
            assertEquals(null, driver.executeScript("return window.__govsiteTestMark || null;"),
                    "the page was reloaded, not edited in place");
            String box = driver.findElement(By.id("govsite-preview-findings")).getText();
            assertTrue(box.contains("[R2]") && box.contains("report.yaml:"), box);
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("preview-draft-error.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.get("about:blank"); // the shared browser leaves the preview, which has stopped
        }
    }
}

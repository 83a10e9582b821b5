package org.govsite.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core over the whole sample site in a real browser (Debian's Chromium, driven by Selenium): no WCAG 2.1 A/AA
 * violation on any page, nor on one page of each kind on a phone and in each reading mode; and a control page on which
 * axe must find what is wrong.
 *
 * <p>It drives the second browser window ({@link Chromium#second()}), so that it runs beside
 * {@link SampleSiteBrowserTest} in the first: axe is the longest of the browser checks. Without Chromium the class is
 * skipped, unless {@code govsite.requireBrowser} is true.
 */
@ResourceLock(Chromium.SECOND_WINDOW)
class SampleSiteAxeTest {
    private static ChromeDriver driver;
    private static Path site;
    private static List<Path> pages;

    /** Why the browser cannot run here, or null. */
    private static String missing;

    @BeforeAll
    static void start() throws IOException {
        missing = Chromium.missing();
        if (missing != null) {
            return;
        }
        site = SampleSite.shared();
        pages = SampleSite.pages(site);
        driver = Chromium.second();
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    /** Every test starts from the default display: no stored reading mode, no emulation. */
    @AfterEach
    void reset() {
        if (driver != null) {
            Chromium.reset(driver);
        }
    }

    @Test
    void axeFindsNoViolationOnAnyPage() {
        assertTrue(pages.size() >= 10, "the whole sample site: " + pages);
        List<String> problems = new ArrayList<>();
        try (Chromium.Registration axe = Chromium.axeInEveryPage(driver)) {
            for (Path page : pages) {
                open(page);
                problems.addAll(axe(SampleSite.name(site, page)));
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " axe violation(s) over " + pages.size()
                + " pages:\n" + String.join("\n", problems));
    }

    /**
     * In the other ways of reading ({@link ReadingMode#AXE}: a phone, and each reading aid on it), axe on one page of
     * each kind ({@link SampleSite#onePerKind}: each template, each table format, a published record); the stored
     * aid applies as the page loads.
     */
    @Test
    void axeFindsNoViolationOnOnePageOfEachKindOnAPhoneAndInTheReadingModes() throws IOException {
        Map<String, String> kinds = SampleSite.onePerKind(site);
        List<String> problems = new ArrayList<>();
        try (Chromium.Registration axe = Chromium.axeInEveryPage(driver)) {
            for (ReadingMode mode : ReadingMode.AXE) {
                mode.use(driver, site.resolve(SampleSite.REPORT));
                for (String page : kinds.values()) {
                    open(page);
                    String where = page + " [" + mode.name() + "]";
                    if (mode.option() != null && !htmlClasses().contains("gs-" + mode.option())) {
                        problems.add(where + ": the stored mode does not apply on load: " + htmlClasses());
                    }
                    problems.addAll(axe(where));
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s) over " + kinds.size() + " kinds of page "
                + kinds + ":\n" + String.join("\n", problems));
    }

    /** A control: axe as it runs here does report violations, so the passes above mean something. */
    @Test
    void axeReportsTheViolationsOfABadPage(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>x</title>"
                + "</head><body><main><h1>标题</h1><img src=\"chart.png\">"
                + "<p style=\"color: #c0c0c0; background: #ffffff\">浅色文字</p></main></body></html>",
                StandardCharsets.UTF_8);
        open(bad);
        List<String> found = axe("bad.html");
        assertTrue(found.stream().anyMatch(f -> f.startsWith("bad.html: [image-alt, critical]")), String.join("\n", found));
        assertTrue(found.stream().anyMatch(f -> f.startsWith("bad.html: [color-contrast, serious]")
                && f.contains("浅色文字")), String.join("\n", found));
        assertEquals(2, found.size(), String.join("\n", found));
    }

    private List<String> axe(String page) {
        return Chromium.axe(driver, page);
    }

    private void open(Path page) {
        driver.get(page.toUri().toString());
    }

    private void open(String relative) {
        open(site.resolve(relative));
    }

    private String htmlClasses() {
        return String.valueOf(driver.executeScript("return document.documentElement.className;"));
    }
}

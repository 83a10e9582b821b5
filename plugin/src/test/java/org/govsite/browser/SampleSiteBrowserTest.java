package org.govsite.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole sample site in a real browser (Debian's Chromium, driven by Selenium): the keyboard reaches every control
 * in order with a visible focus; pages reflow at 320 px and at 200 % zoom without loss; the reading aids work
 * and are remembered; print and forced colours are honoured. Screenshots of the seed report are saved under
 * target/screenshots for review. axe-core over every page is {@link SampleSiteAxeTest}, in the other browser window, so that both run at once.
 *
 * <p>One browser serves the browser classes of the first window ({@link Chromium#shared()}), and one build of the
 * sample site every test that only reads it ({@link SampleSite#shared()}). Without Chromium the class is skipped, unless
 * {@code govsite.requireBrowser} is true.
 */
@ResourceLock(Chromium.WINDOW)
class SampleSiteBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** What the keyboard must reach: every link, button and element put in the tab order. */
    private static final String FOCUSABLE = "a[href], button, input, select, textarea, [tabindex=\"0\"]";

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
        driver = Chromium.shared();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    /** Every test starts from the default display: no stored preference, no emulation. */
    @AfterEach
    void reset() {
        if (driver == null) {
            return;
        }
        open(SampleSite.REPORT);
        driver.executeScript("window.localStorage.clear();");
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }

    @Test
    void keyboardReachesEveryControlInOrderWithVisibleFocus() {
        List<String> problems = new ArrayList<>();
        int stops = 0;
        for (Path page : pages) {
            open(page);
            String name = SampleSite.name(site, page);
            Number positive = (Number) driver.executeScript(
                    "return Array.from(document.querySelectorAll('[tabindex]')).filter(e => e.tabIndex > 0).length;");
            if (positive.intValue() > 0) {
                problems.add(name + ": a positive tabindex breaks the reading order");
            }
            @SuppressWarnings("unchecked")
            List<String> before = (List<String>) driver.executeScript(
                    "const all = Array.from(document.querySelectorAll(arguments[0]))"
                            + "  .filter(e => e.getClientRects().length > 0 && !e.closest('[hidden], [inert]'));"
                            + "window.govsiteWalk = [];"
                            + "document.addEventListener('focusin', ev => { const e = ev.target; window.govsiteWalk.push("
                            + FOCUSED + "); }, true);"
                            + "return all.map((e, i) => { e.setAttribute('data-walk', i); return " + STYLE + "; });",
                    FOCUSABLE);
            // All the Tabs in one go; what each focused, with its style then, is noted in the page as focus moves.
            Actions tabs = new Actions(driver);
            for (int i = 0; i < before.size(); i++) {
                tabs.sendKeys(Keys.TAB);
            }
            tabs.perform();
            @SuppressWarnings("unchecked")
            List<List<Object>> walked = (List<List<Object>>) driver.executeScript(
                    "const e = document.activeElement; return window.govsiteWalk.concat([" + FOCUSED + "]);");
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                // a Tab that moved focus to no element (or out of the page) noted nothing: the element now focused
                List<Object> now = walked.get(Math.min(i, walked.size() - 1));
                String walk = (String) now.get(0);
                if (walk == null || i >= walked.size() - 1) {
                    problems.add(name + ": Tab " + (i + 1) + " went to an element outside the expected set: " + now.get(1));
                    break;
                }
                int index = Integer.parseInt(walk);
                order.add(index);
                String focused = (String) now.get(2);
                if (focused.equals(before.get(index))) {
                    problems.add(name + ": no visible focus on " + now.get(1));
                }
                if ("none".equals(now.get(3)) || ((Number) now.get(4)).doubleValue() < 2) {
                    problems.add(name + ": focus has no outline that forced-colors mode would keep: " + now.get(1));
                }
            }
            stops += order.size();
            List<Integer> domOrder = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                domOrder.add(i);
            }
            if (!order.equals(domOrder)) {
                problems.add(name + ": Tab order " + order + " is not the document order " + domOrder);
            }
        }
        assertTrue(stops > pages.size() * 5, "the walk went through the pages' controls: " + stops);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    /** The skip link comes first, shows itself on focus, and takes the reader to main. */
    @Test
    void skipLinkIsFirstAndLeadsToMain() {
        open(SampleSite.REPORT);
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement skip = driver.switchTo().activeElement();
        assertEquals("跳到正文", skip.getText());
        assertTrue(skip.getRect().getY() >= 0, "the focused skip link is on screen");
        skip.sendKeys(Keys.ENTER);
        assertEquals("main-content", driver.switchTo().activeElement().getAttribute("id"));
    }

    /**
     * WCAG 1.4.10 and 1.4.4: at 320 px, and at 640 px (1280 px at 200 % zoom), nothing is cut off or lost. Each page
     * is loaded once, at 320 px, and then the screen is widened to 640 px: Chromium lays a page out after a change of
     * the emulated screen exactly as after a load at that size (every element's box to 1/100 px, and the viewport's
     * figures, compared on every page of the sample site both ways, with and without larger text, 27 November 2026).
     */
    @Test
    void pagesReflowAt320pxAnd200PercentZoom() {
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            width(320);
            open(page);
            for (int w : List.of(320, 640)) {
                width(w);
                problems.addAll(reflow(SampleSite.name(site, page) + " at " + w + " px"));
            }
        }
        open(SampleSite.REPORT);
        driver.executeScript("window.localStorage.setItem('govsite.large-text', 'on');");
        width(320);
        open(SampleSite.REPORT);
        problems.addAll(reflow(SampleSite.REPORT + " at 320 px, larger text"));
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void readingAidsAreButtonsThatAreRememberedAcrossPages() {
        open(SampleSite.REPORT);
        WebElement large = driver.findElement(By.cssSelector("button[data-govsite-option='large-text']"));
        WebElement contrast = driver.findElement(By.cssSelector("button[data-govsite-option='high-contrast']"));
        assertTrue(large.isDisplayed() && contrast.isDisplayed(), "with JavaScript the switches show");
        assertEquals("false", large.getAttribute("aria-pressed"));
        double normal = bodyFontSize();

        large.click();
        assertEquals("true", large.getAttribute("aria-pressed"));
        assertEquals(normal * 1.25, bodyFontSize(), 0.01, "larger text is 125 %");
        contrast.click();
        assertEquals("true", contrast.getAttribute("aria-pressed"));
        assertEquals("rgb(0, 0, 0)", driver.executeScript("return getComputedStyle(document.body).backgroundColor;"));

        open("index.html");
        assertTrue(htmlClasses().contains("gs-large-text") && htmlClasses().contains("gs-high-contrast"),
                "both modes are remembered on the next page: " + htmlClasses());
        assertEquals("true", driver.findElement(By.cssSelector("button[data-govsite-option='large-text']"))
                .getAttribute("aria-pressed"));

        driver.findElement(By.cssSelector("button[data-govsite-option='large-text']")).click();
        driver.findElement(By.cssSelector("button[data-govsite-option='high-contrast']")).click();
        open(SampleSite.REPORT);
        assertFalse(htmlClasses().contains("gs-"), "switched off again: " + htmlClasses());
        assertEquals(normal, bodyFontSize(), 0.01);
    }

    /** Without JavaScript the page is complete: all content, no dead controls. */
    @Test
    void withoutJavaScriptThePageIsCompleteAndHasNoDeadControls() {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        open(SampleSite.REPORT);
        assertFalse(driver.findElement(By.cssSelector("[data-govsite-options]")).isDisplayed(),
                "the switches stay hidden without JavaScript");
        assertTrue(driver.findElements(By.cssSelector("table.gs-official")).size() >= 3, "the official tables are there");
        assertEquals(6, driver.findElements(By.cssSelector("article.gs-report > section[aria-labelledby^='s'] > h2")).size(),
                "the six official sections");
        assertEquals(1, driver.findElements(By.tagName("h1")).size());
    }

    /** Forced colours (Windows high contrast) and prefers-contrast are respected; focus stays visible. */
    @Test
    void forcedColorsAndPrefersContrastAreRespected() throws IOException {
        media("screen", "forced-colors", "active");
        open(SampleSite.REPORT);
        assertEquals(Boolean.TRUE, driver.executeScript("return matchMedia('(forced-colors: active)').matches;"));
        new Actions(driver).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        @SuppressWarnings("unchecked")
        List<Object> outline = (List<Object>) driver.executeScript("const s = getComputedStyle(document.activeElement);"
                + "return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor];");
        assertEquals("solid", outline.get(0));
        assertTrue(((Number) outline.get(1)).doubleValue() >= 2);
        assertFalse(String.valueOf(outline.get(2)).matches("rgba\\(.*, 0\\)|transparent"), "outline " + outline);
        screenshot("report-1280-forced-colors.png", false);

        media("screen", "prefers-contrast", "more");
        open(SampleSite.REPORT);
        assertEquals("#0b0c0c", driver.executeScript(
                "return getComputedStyle(document.documentElement).getPropertyValue('--govsite-border').trim();"));
    }

    /**
     * A published record (issue 9): its 数据核对 box is a region with its heading, before the first table, on screen
     * and in print; a blank cell shows nothing and says 空白 to a screen reader; axe finds nothing on it in print (on
     * screen, in every reading mode, it is a kind of page of the axe tests above).
     */
    @Test
    void publishedRecordShowsItsDataCheckBoxAsARegionOnScreenAndInPrint() {
        List<String> problems = new ArrayList<>();
        open(SampleSite.PUBLISHED);
        WebElement box = driver.findElement(By.cssSelector("section.gs-data-check"));
        assertEquals("region", box.getAriaRole());
        assertEquals("数据核对", box.getAccessibleName());
        assertTrue(box.getText().contains("本报告发布时“（一）予以公开”一行“总计”栏为空；按各类申请人之和应为 6"),
                box.getText());
        Object beforeTables = driver.executeScript("const b = document.querySelector('section.gs-data-check');"
                + "const t = document.querySelector('table.gs-official');"
                + "return !!(b.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);");
        assertEquals(Boolean.TRUE, beforeTables, "the box comes before the first table");
        WebElement blank = driver.findElement(By.cssSelector("table.gs-official td.gs-blank .gs-vh"));
        assertEquals("空白", blank.getAttribute("textContent"));
        assertTrue(blank.getRect().getWidth() <= 1 && blank.getRect().getHeight() <= 1, "visually hidden");
        media("print", null, null);
        open(SampleSite.PUBLISHED);
        assertEquals("block", style(".gs-data-check", "display"), "the box is printed");
        problems.addAll(axe(SampleSite.PUBLISHED + " [print]"));
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    /** Printing looks like the official document: navigation hidden, table headers repeat, link targets shown. */
    @Test
    void printHidesNavigationRepeatsTableHeadersAndShowsLinkTargets() throws IOException {
        media("print", null, null);
        width(794);
        open(SampleSite.REPORT);
        screenshot("report-print-media.png", true);
        assertEquals("none", style(".gs-site-nav", "display"));
        assertEquals("none", style(".gs-breadcrumb", "display"));
        assertEquals("none", style(".gs-report-nav", "display"));
        assertEquals("none", style(".gs-skip-link", "display"));
        assertEquals("table-header-group", style("table.gs-official thead", "display"));
        open("index.html");
        Object after = driver.executeScript(
                "return getComputedStyle(document.querySelector('main a[href]'), '::after').content;");
        assertTrue(String.valueOf(after).contains("agencies/"), "the link target is printed: " + after);

        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        open(SampleSite.REPORT);
        @SuppressWarnings("unchecked")
        Map<String, Object> pdf = (Map<String, Object>) driver.executeCdpCommand("Page.printToPDF",
                Map.of("paperWidth", 8.27, "paperHeight", 11.69, "preferCSSPageSize", true));
        Files.write(SCREENSHOTS.resolve("report-print.pdf"), Base64.getDecoder().decode((String) pdf.get("data")));
    }

    /** A portal's theme (src/test/resources/theme-fixture) takes effect in the browser and stays accessible. */
    @Test
    void aPortalThemeTakesEffectAndStaysAccessible() throws IOException {
        Path themed = SampleSite.sharedThemed();
        driver.get(themed.resolve(SampleSite.REPORT).toUri().toString());
        assertEquals("rgb(0, 64, 128)", style(".gs-site-header", "background-color"), "the portal's colour");
        assertTrue(driver.findElement(By.cssSelector("img.portal-logo")).isDisplayed(), "the portal's logo");
        assertEquals(Boolean.TRUE, driver.executeScript(
                "const i = document.querySelector('img.portal-logo'); return i.complete && i.naturalWidth > 0;"),
                "the logo loads from the published assets");
        List<String> problems = axe("themed " + SampleSite.REPORT);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        screenshot("themed-report-1280-top.png", false);
    }

    /** For review by eye: the seed report on a phone, on a desktop, and in the reading modes. */
    @Test
    void screenshotsOfTheReportPage() throws IOException {
        width(320);
        open(SampleSite.REPORT);
        screenshot("report-320.png", true);
        screenshot("report-320-top.png", false);
        driver.executeScript("document.getElementById('t3').scrollIntoView();");
        screenshot("report-320-t3.png", false);
        width(1280);
        open(SampleSite.REPORT);
        screenshot("report-1280.png", true);
        screenshot("report-1280-top.png", false);
        for (WebElement table : driver.findElements(By.cssSelector(".gs-table-wrap"))) {
            String id = table.findElement(By.tagName("table")).getAttribute("id");
            Files.write(SCREENSHOTS.resolve("report-1280-" + id + ".png"), table.getScreenshotAs(OutputType.BYTES));
        }
        driver.executeScript("window.localStorage.setItem('govsite.high-contrast', 'on');");
        open(SampleSite.REPORT);
        screenshot("report-1280-high-contrast.png", true);
        width(320);
        open(SampleSite.REPORT);
        screenshot("report-320-high-contrast.png", false);
        driver.executeScript("window.localStorage.clear(); window.localStorage.setItem('govsite.large-text', 'on');");
        open(SampleSite.REPORT);
        screenshot("report-320-large-text.png", false);
        driver.executeScript("window.localStorage.clear();");
        width(1280);
        open("index.html");
        screenshot("index-1280.png", true);
        for (String name : List.of("report-320.png", "report-1280.png", "report-1280-high-contrast.png")) {
            assertTrue(Files.size(SCREENSHOTS.resolve(name)) > 10_000, name);
        }
    }

    // --- helpers ---

    /**
     * What the keyboard walk notes of the focused element {@code e}: its walk index, the start of its HTML, the styles
     * that show focus, its outline's style and width.
     */
    private static final String FOCUSED = "[e.getAttribute('data-walk'), e.outerHTML.slice(0, 120), "
            + "(s => [s.backgroundColor, s.boxShadow, s.outlineColor, s.outlineStyle, s.outlineWidth, s.color,"
            + " s.textDecorationLine].join('|'))(getComputedStyle(e)), getComputedStyle(e).outlineStyle,"
            + " parseFloat(getComputedStyle(e).outlineWidth)]";

    /** The styles that show focus, as one string. */
    private static final String STYLE = "(s => [s.backgroundColor, s.boxShadow, s.outlineColor, s.outlineStyle,"
            + " s.outlineWidth, s.color, s.textDecorationLine].join('|'))(getComputedStyle(e))";

    private List<String> axe(String page) {
        return Chromium.axe(driver, page);
    }

    /** No sideways page scroll; outside the scrolling table regions, nothing sticks out of the viewport. */
    private List<String> reflow(String where) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) driver.executeScript(
                "const out = [], w = document.documentElement.clientWidth;"
                        + "if (document.documentElement.scrollWidth > w) out.push('the page scrolls sideways: '"
                        + "  + document.documentElement.scrollWidth + ' > ' + w);"
                        + "for (const e of document.body.querySelectorAll('*')) {"
                        + "  if (e.closest('.gs-table-wrap') || e.closest('.gs-skip-link') || e.getClientRects().length === 0) continue;"
                        + "  const r = e.getBoundingClientRect();"
                        + "  if (r.right > w + 1 || r.left < -1) out.push('cut off: ' + e.outerHTML.slice(0, 100));"
                        + "}"
                        + "for (const t of document.querySelectorAll('.gs-table-wrap')) {"
                        + "  const label = document.getElementById(t.getAttribute('aria-labelledby'));"
                        + "  if (t.getAttribute('role') !== 'region' || t.tabIndex !== 0 || !label || label.tagName !== 'CAPTION')"
                        + "    out.push('a table region is not focusable and labelled by its caption: ' + t.outerHTML.slice(0, 100));"
                        + "  if (getComputedStyle(t).overflowX !== 'auto') out.push('a wide table cannot scroll');"
                        + "  if (getComputedStyle(t.querySelector('table')).display !== 'table') out.push('a table is not displayed as a table');"
                        + "}"
                        + "return out;");
        return found.stream().map(f -> where + ": " + f).toList();
    }

    private void open(Path page) {
        driver.get(page.toUri().toString());
    }

    private void open(String relative) {
        open(site.resolve(relative));
    }

    private void width(int w) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", w, "height", w < 600 ? 640 : 900,
                "deviceScaleFactor", 1, "mobile", w < 600));
    }

    private void media(String media, String feature, String value) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media, "features",
                feature == null ? List.of() : List.of(Map.of("name", feature, "value", value))));
    }

    private String style(String selector, String property) {
        return (String) driver.executeScript("return getComputedStyle(document.querySelector(arguments[0]))"
                + ".getPropertyValue(arguments[1]);", selector, property);
    }

    private String htmlClasses() {
        return String.valueOf(driver.executeScript("return document.documentElement.className;"));
    }

    private double bodyFontSize() {
        return Double.parseDouble(String.valueOf(driver.executeScript(
                "return parseFloat(getComputedStyle(document.body).fontSize);")));
    }

    /** A PNG under target/screenshots: the viewport, or the whole page. */
    private void screenshot(String name, boolean fullPage) throws IOException {
        Chromium.screenshot(driver, SCREENSHOTS.resolve(name), fullPage);
    }
}

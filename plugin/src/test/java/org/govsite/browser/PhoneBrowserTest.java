package org.govsite.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample site on a 360-px phone (issue 15), in Debian's Chromium: in the official tables 三 and 四 a reader sees
 * each row's label with its 总计 without scrolling sideways, and the breakdown with the labels still in view, on every
 * report page; the same in the larger-text and high-contrast modes and at 200 % zoom on a desktop, on one report page
 * of each kind; the charts' text is at least 12 px; the page frame leaves the screen to the report. Screenshots go to
 * target/screenshots. (axe on a phone, in every reading mode, is in {@link SampleSiteAxeTest}.)
 */
@ResourceLock(Chromium.SECOND_WINDOW)
class PhoneBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver driver;
    private static Path site;
    private static List<Path> pages;
    private static String missing;

    /** The phone, and the ways of reading in which the tables are checked on one page of each kind. */
    private static final List<ReadingMode> MODES = List.of(ReadingMode.PHONE, ReadingMode.PHONE_LARGE_TEXT,
            ReadingMode.PHONE_HIGH_CONTRAST, ReadingMode.ZOOM_200);

    @BeforeAll
    static void start() throws IOException {
        missing = Chromium.missing();
        if (missing != null) {
            return;
        }
        site = SampleSite.shared();
        pages = SampleSite.pages(site);
        driver = Chromium.second();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    @AfterEach
    void reset() {
        if (driver == null) {
            return;
        }
        open("index.html");
        driver.executeScript("window.localStorage.clear();");
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
    }

    /**
     * The report pages to check in a way of reading: on the phone every one (both formats, 2019 and 2021, and the
     * published records); in the larger-text and high-contrast modes and at 200 % zoom, one of each kind
     * ({@link SampleSite#onePerKind}). The pages without a table are left out by the checks.
     */
    private static List<Path> reportPages(ReadingMode mode) throws IOException {
        List<Path> out = new ArrayList<>();
        if (mode.equals(ReadingMode.PHONE)) {
            for (Path p : pages) {
                if (SampleSite.name(site, p).matches("agencies/[^/]+/\\d{4}\\.html")) {
                    out.add(p);
                }
            }
        } else {
            for (var kind : SampleSite.onePerKind(site).entrySet()) {
                if (kind.getKey().startsWith("agencies/*/yyyy.html")) {
                    out.add(site.resolve(kind.getValue()));
                }
            }
        }
        return out;
    }

    /** How many report pages with tables {@link #reportPages} gives in all ways of reading, at least. */
    private static int reportPagesWithTablesInAllModes() throws IOException {
        int kinds = (int) SampleSite.onePerKind(site).keySet().stream()
                .filter(k -> k.startsWith("agencies/*/yyyy.html") && !k.contains("无表格")).count();
        return 10 + (MODES.size() - 1) * kinds;
    }

    /** The ways of reading in which the charts' text is measured: the phone, and the phone in 大字模式. */
    private static final List<ReadingMode> CHART_MODES = List.of(MODES.get(0), MODES.get(1));

    /**
     * What the checks of this class found, each page opened once per way of reading ({@link #survey()}): the problems
     * of each check, and how much each looked at (so that a check that saw nothing fails).
     */
    private record Survey(List<String> tableThree, int tableThreeChecked, List<String> formats, List<String> tableFour,
                          int tableFourChecked, List<String> charts, int chartTexts, List<String> frame,
                          int framePages) {
    }

    private static Survey survey;

    /**
     * Opens each page once per way of reading and runs there every check of this class that looks at it: the
     * header's share of the first screen (every page, on the phone), the charts' text (each agency page, on the phone
     * and in 大字模式), and tables 三 and 四 ({@link #reportPages}). The checks only measure: the table checks scroll
     * their table's region into view and back, and none depends on where the page was scrolled before. So one load
     * of a page serves them all, where each test used to load the same pages again; the tests below each assert
     * their own part. Computed on first use, once per class: any test may come first, or run alone.
     */
    private static synchronized Survey survey() throws IOException {
        if (survey != null) {
            return survey;
        }
        List<String> three = new ArrayList<>();
        List<String> four = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        List<String> charts = new ArrayList<>();
        List<String> frame = new ArrayList<>();
        int threeChecked = 0;
        int fourChecked = 0;
        int texts = 0;
        int framePages = 0;
        for (ReadingMode mode : MODES) {
            List<Path> tablePages = reportPages(mode);
            use(mode);
            for (Path page : pages) {
                String name = SampleSite.name(site, page);
                boolean header = mode.equals(ReadingMode.PHONE);
                boolean chart = CHART_MODES.contains(mode) && name.matches("agencies/[^/]+/index\\.html");
                boolean tables = tablePages.contains(page);
                if (!header && !chart && !tables) {
                    continue;
                }
                open(page);
                String where = name + " [" + mode.name() + "]";
                if (header) {
                    framePages++;
                    @SuppressWarnings("unchecked")
                    List<Number> size = (List<Number>) driver.executeScript(
                            "return [document.querySelector('body > header').getBoundingClientRect().height, innerHeight];");
                    if (size.get(0).doubleValue() > size.get(1).doubleValue() / 5) {
                        frame.add(name + ": the header is " + size.get(0) + " px of " + size.get(1));
                    }
                }
                if (chart) {
                    @SuppressWarnings("unchecked")
                    List<Object> result = (List<Object>) driver.executeScript(CHART_TEXT);
                    texts += ((Number) result.get(0)).intValue();
                    @SuppressWarnings("unchecked")
                    List<String> found = (List<String>) result.get(1);
                    charts.addAll(prefixed(where, found));
                }
                if (tables && !driver.findElements(By.id("t3")).isEmpty()) {
                    threeChecked++;
                    String format = String.valueOf(driver.executeScript(
                            "const d = Array.from(document.querySelectorAll('.gs-report-meta dt'))"
                                    + ".find(e => e.textContent === '报告格式'); return d ? d.nextElementSibling.textContent : '';"));
                    if (!formats.contains(format)) {
                        formats.add(format);
                    }
                    three.addAll(prefixed(where, script(TABLE_THREE, mode.mobile())));
                }
                if (tables && !driver.findElements(By.id("t4")).isEmpty()) {
                    fourChecked++;
                    four.addAll(prefixed(where, script(TABLE_FOUR, mode.mobile())));
                }
            }
        }
        survey = new Survey(three, threeChecked, formats, four, fourChecked, charts, texts, frame, framePages);
        return survey;
    }

    @Test
    void tableThreeShowsEveryRowLabelWithItsTotalAndKeepsTheLabelsWhenScrolled() throws IOException {
        Survey found = survey();
        assertTrue(found.tableThreeChecked() >= reportPagesWithTablesInAllModes(),
                "table 三 on every report page with tables on a phone, and one of each kind in the other modes: "
                        + found.tableThreeChecked());
        assertEquals(2, found.formats().size(), "both table formats: " + found.formats());
        assertTrue(found.tableThree().isEmpty(), () -> String.join("\n", found.tableThree()));
    }

    @Test
    void tableFourShowsAGroupWithItsTotalAndScrollsToTheOthers() throws IOException {
        Survey found = survey();
        assertTrue(found.tableFourChecked() >= reportPagesWithTablesInAllModes(),
                "table 四 on every report page with tables on a phone, and one of each kind in the other modes: "
                        + found.tableFourChecked());
        assertTrue(found.tableFour().isEmpty(), () -> String.join("\n", found.tableFour()));
    }

    /** Every text element inside each chart SVG renders at 12 px or more, inside the chart, overlapping no other. */
    @Test
    void chartTextIsAtLeast12pxAndNothingOverlapsOnAPhone() throws IOException {
        Survey found = survey();
        assertTrue(found.chartTexts() > 40, "the charts have text to measure: " + found.chartTexts());
        assertTrue(found.charts().isEmpty(), () -> String.join("\n", found.charts()));
    }

    /** The header (title, navigation, reading aids) takes at most a fifth of the first screen; the aids still work. */
    @Test
    void pageFrameLeavesThePhoneScreenToTheReport() throws IOException {
        Survey found = survey();
        assertEquals(pages.size(), found.framePages(), "every page on the phone");
        assertTrue(found.frame().isEmpty(), () -> String.join("\n", found.frame()));
        use(MODES.get(0));
        open(SampleSite.REPORT);
        WebElement large = driver.findElement(By.cssSelector("button[data-govsite-option='large-text']"));
        assertTrue(large.isDisplayed(), "the reading aids stay on a phone");
        large.click();
        assertEquals("true", large.getAttribute("aria-pressed"));
        assertTrue(String.valueOf(driver.executeScript("return document.documentElement.className;"))
                .contains("gs-large-text"));
        assertTrue(driver.findElement(By.cssSelector("button[data-govsite-option='high-contrast']")).isDisplayed());
    }

    /**
     * For review by eye: the tables and a chart at 360 px, in every mode, and the page's first screen; the chart on a
     * desktop and in print.
     */
    @Test
    void screenshotsOfTablesAndChartsOnAPhone() throws IOException {
        for (ReadingMode mode : MODES) {
            use(mode);
            String suffix = mode.option() == null ? "" : "-" + mode.option();
            String prefix = "phone-" + mode.width() + suffix;
            open(SampleSite.REPORT);
            shot(prefix + "-top.png");
            for (String table : List.of("t3", "t4")) {
                driver.executeScript("document.getElementById(arguments[0]).closest('.gs-table-wrap').scrollIntoView();",
                        table);
                shot(prefix + "-" + table + ".png");
                driver.executeScript("const w = document.getElementById(arguments[0]).closest('.gs-table-wrap');"
                        + " w.scrollLeft = w.scrollWidth;", table);
                shot(prefix + "-" + table + "-scrolled.png");
            }
            open("agencies/shanzhou-zfb/index.html");
            driver.executeScript("document.querySelector('figure svg').scrollIntoView();"
                    + " window.scrollBy(0, -document.querySelector('figure figcaption').offsetHeight - 16);");
            shot(prefix + "-chart.png");
        }
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900,
                "deviceScaleFactor", 1, "mobile", false));
        open("index.html");
        driver.executeScript("window.localStorage.clear();");
        open("agencies/shanzhou-zfb/index.html");
        driver.executeScript("document.querySelector('figure.gs-chart').scrollIntoView();");
        shot("agency-1280-chart.png");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print", "features", List.of()));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 794, "height", 1123,
                "deviceScaleFactor", 1, "mobile", false));
        open("agencies/shanzhou-zfb/index.html");
        driver.executeScript("document.querySelector('figure.gs-chart').scrollIntoView();");
        shot("agency-print-chart.png");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        assertTrue(Files.size(SCREENSHOTS.resolve("phone-360-t3.png")) > 10_000);
    }

    // --- the checks, run in the page ---

    /**
     * Table 三 (arguments[0]: whether the screen is a phone's, where the table must scroll): its caption, which names
     * its region, says on a phone that it scrolls sideways (and not where it fits); with its region scrolled into
     * view, the first row's label and 总计 are on screen; every row's label and 总计 are side by side inside
     * the screen; scrolled fully to the right, the first row's label is still visible and not covered, and so is the
     * last column of the breakdown.
     */
    private static final String TABLE_THREE = String.join("\n",
            "const out = [], t = document.getElementById('t3'), wrap = t.closest('.gs-table-wrap');",
            "const W = document.documentElement.clientWidth, H = innerHeight;",
            "const inside = (r, b) => r.left >= b.left - 1 && r.right <= b.right + 1;",
            "const screen = {left: 0, right: W};",
            "const visible = e => { const r = e.getBoundingClientRect();",
            "  const x = Math.min(Math.max(r.left + 4, 0), W - 1), y = r.top + Math.min(r.height / 2, 12);",
            "  const hit = document.elementFromPoint(x, y); return hit !== null && (hit === e || e.contains(hit)); };",
            "wrap.scrollLeft = 0; wrap.scrollIntoView();",
            "if (arguments[0] && wrap.scrollWidth <= wrap.clientWidth) out.push('table 三 does not need to scroll: '",
            "  + wrap.scrollWidth);",
            "const hint = t.caption.querySelector('.gs-scroll-hint');",
            "if (wrap.getAttribute('aria-labelledby') !== t.caption.id || !hint) out.push('no scroll hint in the region\\'s name');",
            "else if (arguments[0] && (hint.getClientRects().length === 0 || !inside(hint.getBoundingClientRect(), screen)))",
            "  out.push('the scroll hint is not shown on a phone');",
            "else if (!arguments[0] && hint.getClientRects().length > 0 && wrap.scrollWidth <= wrap.clientWidth)",
            "  out.push('the scroll hint shows although the table fits');",
            "const rows = Array.from(t.tBodies[0].rows), box = wrap.getBoundingClientRect();",
            "rows.forEach((row, i) => {",
            "  const heads = row.querySelectorAll('th[scope=row]'), label = heads[heads.length - 1];",
            "  const total = row.cells[row.cells.length - 1];",
            "  if (!total.getAttribute('headers').split(' ').some(h => /-c-(.+-)?total$/.test(h)))",
            "    out.push('row ' + i + ': its last cell is not its 总计');",
            "  const l = label.getBoundingClientRect(), s = total.getBoundingClientRect();",
            "  if (!inside(l, screen) || !inside(l, box)) out.push('row ' + i + ' label off screen: ' + label.textContent);",
            "  if (!inside(s, screen) || !inside(s, box)) out.push('row ' + i + ' 总计 off screen: ' + label.textContent);",
            "  if (l.right > s.left + 1) out.push('row ' + i + ': 总计 covers its label: ' + label.textContent);",
            "});",
            "const first = rows[0], fl = first.querySelector('th'), ft = first.cells[first.cells.length - 1];",
            "for (const e of [fl, ft]) { const r = e.getBoundingClientRect();",
            "  if (r.top < 0 || r.bottom > H) out.push('first row not on the first screen: ' + e.textContent",
            "    + ' top ' + r.top + ' bottom ' + r.bottom + ' of ' + H);",
            "  if (!visible(e)) out.push('first row cell covered: ' + e.textContent); }",
            "wrap.scrollLeft = wrap.scrollWidth;",
            "if (arguments[0] && wrap.scrollLeft < 1) out.push('table 三 did not scroll');",
            "const l = fl.getBoundingClientRect();",
            "if (!inside(l, screen) || !inside(l, wrap.getBoundingClientRect()) || !visible(fl))",
            "  out.push('scrolled to the right, the first row label is not visible: ' + l.left + '..' + l.right);",
            "const last = first.cells[first.cells.length - 2], lr = last.getBoundingClientRect();",
            "if (!inside(lr, screen) || lr.left < l.right - 1 || !visible(last))",
            "  out.push('scrolled to the right, the last column of the breakdown is not visible');",
            "wrap.scrollLeft = 0;",
            "return out;");

    /**
     * Table 四: with its region scrolled into view, the first group (行政复议) with its 总计 is on screen; scrolled
     * fully to the right, the last 总计 is.
     */
    private static final String TABLE_FOUR = String.join("\n",
            "const out = [], t = document.getElementById('t4'), wrap = t.closest('.gs-table-wrap');",
            "const W = document.documentElement.clientWidth;",
            "const on = e => { const r = e.getBoundingClientRect(); return r.left >= -1 && r.right <= W + 1",
            "  && r.left >= wrap.getBoundingClientRect().left - 1 && r.right <= wrap.getBoundingClientRect().right + 1; };",
            "wrap.scrollLeft = 0; wrap.scrollIntoView();",
            "const heads = Array.from(t.tHead.rows[t.tHead.rows.length - 1].cells);",
            "const firstTotal = heads.findIndex(h => /-total$/.test(h.id));",
            "if (firstTotal < 0) out.push('no 总计 column');",
            "const cells = Array.from(t.tBodies[0].rows[0].cells);",
            "for (let i = 0; i <= firstTotal; i++) {",
            "  if (!on(heads[i]) || !on(cells[i])) out.push('column ' + heads[i].textContent + ' of the first group is off screen'); }",
            "wrap.scrollLeft = wrap.scrollWidth;",
            "if (!on(heads[heads.length - 1]) || !on(cells[cells.length - 1])) out.push('the last 总计 is off screen after scrolling');",
            "wrap.scrollLeft = 0;",
            "return out;");

    /** [number of text elements, problems]: every chart text at 12 px or more, inside its SVG, overlapping none. */
    private static final String CHART_TEXT = String.join("\n",
            "const out = []; let n = 0;",
            "for (const svg of document.querySelectorAll('figure svg')) {",
            "  const box = svg.getBoundingClientRect(), seen = [];",
            "  for (const text of svg.querySelectorAll('text')) {",
            "    n++;",
            "    const m = text.getScreenCTM(), size = parseFloat(getComputedStyle(text).fontSize) * Math.abs(m.d);",
            "    if (size < 12) out.push(text.textContent + ' renders at ' + size.toFixed(1) + ' px');",
            "    const r = text.getBoundingClientRect();",
            "    if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)",
            "      out.push(text.textContent + ' sticks out of its chart');",
            "    for (const o of seen) {",
            "      if (r.left < o.r.right - 1 && o.r.left < r.right - 1 && r.top < o.r.bottom - 1 && o.r.top < r.bottom - 1)",
            "        out.push(text.textContent + ' overlaps ' + o.t); }",
            "    seen.push({r: r, t: text.textContent});",
            "  }",
            "}",
            "return [n, out];");

    // --- helpers ---

    private static List<String> script(String js, Object... args) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) driver.executeScript(js, args);
        return found;
    }

    private static List<String> prefixed(String where, List<String> found) {
        return found.stream().map(f -> where + ": " + f).toList();
    }

    private static void use(ReadingMode mode) {
        mode.use(driver, site.resolve("index.html"));
    }

    private static void open(Path page) {
        driver.get(page.toUri().toString());
    }

    private static void open(String relative) {
        open(site.resolve(relative));
    }

    private void shot(String name) throws IOException {
        Chromium.screenshot(driver, SCREENSHOTS.resolve(name), false);
    }
}

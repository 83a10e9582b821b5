package org.govsite.browser;

import com.sun.net.httpserver.HttpServer;
import org.govsite.output.search.SearchIndex;
import org.govsite.output.search.SearchReader;
import org.govsite.output.search.Tokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search page of the sample site in Chromium, from {@code file://} and over HTTP (a JDK HttpServer on
 * 127.0.0.1): Chinese terms, a number, one character, digits with Chinese and a query with no result each give the
 * result list that the reference reader ({@link SearchReader}, the same rules in Java) gives, with the matches in
 * {@code <mark>}; filters, the keyboard, the page without JavaScript, and axe on the results (WCAG 2.1 A/AA).
 */
@ResourceLock(Chromium.WINDOW)
class SearchBrowserTest {
    /** Terms of the sample site; the expected result lists come from the reference reader. */
    private static final List<String> QUERIES = List.of("行政复议", "结转", "大营镇", "13", "镇", "2024年", "量子计算机");

    private static ChromeDriver driver;
    private static Path site;
    private static SearchReader reader;
    private static HttpServer server;
    private static String missing;

    @BeforeAll
    static void start() throws IOException {
        missing = Chromium.missing();
        if (missing != null) {
            return;
        }
        site = SampleSite.shared();
        reader = new SearchReader(path -> {
            try {
                Path file = site.resolve(path);
                return Files.exists(file) ? Files.readAllBytes(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring(1);
            Path file = site.resolve(path.isEmpty() ? "index.html" : path).normalize();
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String name = file.getFileName().toString();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8" : "application/octet-stream";
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        driver = Chromium.shared();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    @AfterEach
    void scriptsBackOn() {
        if (driver != null) {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    private static String fileBase() {
        return site.toUri().toString();
    }

    private static String httpBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Opens the search page for {@code query} and waits until the search has finished. */
    private static void search(String base, String query, String filters) {
        driver.get(base + "search.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + filters);
        waitForStatus();
    }

    private static String waitForStatus() {
        for (int i = 0; i < 200; i++) {
            String status = status();
            if (!status.isEmpty() && !status.startsWith("正在检索")) {
                return status;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the search did not finish: " + status());
    }

    /** The live region's text; empty while a page is loading. */
    private static String status() {
        try {
            Object text = driver.executeScript(
                    "const s = document.querySelector('[data-gs-search-status]'); return s ? s.textContent : '';");
            return text == null ? "" : text.toString();
        } catch (org.openqa.selenium.WebDriverException navigating) {
            return "";
        }
    }

    /** The result list on the page: each result's link as written in the page. */
    private static List<String> shownLinks() {
        List<String> out = new ArrayList<>();
        for (WebElement a : driver.findElements(By.cssSelector(".gs-search-result h2 a"))) {
            out.add(a.getDomAttribute("href"));
        }
        return out;
    }

    /** What the reference reader finds, as links, the first page of them. */
    private static List<String> expectedLinks(String query) throws IOException {
        List<String> out = new ArrayList<>();
        for (SearchReader.Hit h : reader.search(query)) {
            if (out.size() < 20) {
                out.add(reader.doc(h.doc()).get("u").asText());
            }
        }
        return out;
    }

    @Test
    void findsTheSampleReportsByTermsNumbersOneCharacterAndDigitsWithChineseFromFileAndHttp() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String base : List.of(fileBase(), httpBase())) {
            for (String query : QUERIES) {
                search(base, query, "");
                List<String> expected = expectedLinks(query);
                List<String> shown = shownLinks();
                String where = base.startsWith("http") ? "http" : "file";
                if (!expected.equals(shown)) {
                    problems.add(where + " “" + query + "”: shown " + shown + ", expected " + expected);
                }
                int total = reader.search(query).size();
                String status = status();
                if (total == 0 ? !status.startsWith("没有找到") : !status.contains("找到 " + total + " 份报告")) {
                    problems.add(where + " “" + query + "”: status “" + status + "” for " + total + " results");
                }
                if (total > 0 && driver.findElements(By.cssSelector(".gs-search-snippet mark, .gs-search-title mark"))
                        .isEmpty()) {
                    problems.add(where + " “" + query + "”: no match is marked");
                }
                assertEquals(query, driver.findElement(By.id("gs-search-q")).getDomProperty("value"),
                        "the query stays in the field");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    /** The expectations above are not empty by accident: the sample site does hold these terms. */
    @Test
    void theSampleQueriesHaveResultsWhereTheyShould() throws IOException {
        assertTrue(reader.search("行政复议").size() >= 10, "行政复议 is in nearly every report");
        assertTrue(reader.search("结转").size() >= 10);
        assertEquals(3, reader.search("大营镇").size(), "the township's three reports");
        assertTrue(reader.search("镇").size() >= 3);
        assertFalse(reader.search("13").isEmpty(), "a number of the sample");
        assertFalse(reader.search("2024年").isEmpty());
        assertTrue(reader.search("量子计算机").isEmpty());
        search(fileBase(), "大营镇", "");
        assertTrue(shownLinks().stream().allMatch(l -> l.startsWith("agencies/dayingzhen/")), shownLinks().toString());
        String snippet = driver.findElement(By.cssSelector(".gs-search-result .gs-search-meta")).getText();
        assertTrue(snippet.contains("三门峡市陕州区大营镇人民政府") && snippet.contains("2024年"), snippet);
        assertEquals("大营镇", driver.findElement(By.cssSelector(".gs-search-result mark")).getText());
    }

    @Test
    void filtersByYearAndGroupAndKeepThemInTheAddress() throws IOException {
        search(fileBase(), "结转", "&year=2024");
        List<String> shown = shownLinks();
        assertFalse(shown.isEmpty());
        assertTrue(shown.stream().allMatch(l -> l.endsWith("/2024.html")), shown.toString());
        assertTrue(status().contains("2024年"), status());

        search(httpBase(), "结转", "");
        int all = shownLinks().size();
        new Select(driver.findElement(By.id("gs-search-group"))).selectByValue("township");
        waitForStatus();
        shown = shownLinks();
        assertTrue(!shown.isEmpty() && shown.size() < all, shown + " of " + all);
        assertTrue(shown.stream().allMatch(l -> l.startsWith("agencies/dayingzhen/")), shown.toString());
        assertTrue(driver.getCurrentUrl().contains("group=township"), driver.getCurrentUrl());
        driver.navigate().refresh();
        waitForStatus();
        assertEquals(shown, shownLinks(), "the filtered list can be linked");
    }

    @Test
    void theKeyboardSearchesAndReachesTheResults() {
        driver.get(fileBase() + "search.html");
        WebElement field = driver.findElement(By.id("gs-search-q"));
        assertTrue(field.isDisplayed(), "with JavaScript the form shows");
        assertTrue(driver.findElement(By.cssSelector("label[for='gs-search-q']")).isDisplayed(), "a visible label");
        field.click();
        field.sendKeys("行政复议", Keys.ENTER);
        waitForStatus();
        assertTrue(driver.getCurrentUrl().contains("q=" + URLEncoder.encode("行政复议", StandardCharsets.UTF_8)),
                "the query is in the address: " + driver.getCurrentUrl());
        assertFalse(shownLinks().isEmpty());
        driver.findElement(By.id("gs-search-q")).click();
        Actions tab = new Actions(driver);
        for (int i = 0; i < 4; i++) {   // the search button, the year, the group, the first result
            tab.sendKeys(Keys.TAB);
        }
        tab.perform();
        WebElement focused = driver.switchTo().activeElement();
        assertEquals(shownLinks().get(0), focused.getDomAttribute("href"), "Tab reaches the first result");
        assertEquals("solid", focused.getCssValue("outline-style"));
    }

    @Test
    void withoutJavaScriptThePageSaysSoAndLinksTheLists() {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        driver.get(fileBase() + "search.html?q=" + URLEncoder.encode("结转", StandardCharsets.UTF_8));
        WebElement note = driver.findElement(By.cssSelector("[data-gs-search-nojs]"));
        assertTrue(note.isDisplayed() && note.getText().contains("JavaScript"), note.getText());
        assertFalse(driver.findElement(By.cssSelector("[data-gs-search-form]")).isDisplayed(),
                "no dead form without JavaScript");
        List<String> links = note.findElements(By.tagName("a")).stream().map(a -> a.getDomAttribute("href")).toList();
        assertEquals(List.of("index.html#by-year", "index.html#by-agency"), links);
    }

    @Test
    void theBrowserTokenisesQueriesAsTheIndexDoes() {
        driver.get(fileBase() + "search.html");
        List<String> problems = new ArrayList<>();
        for (String q : List.of("行政复议", "２０２４年ＩＣＰ备", "38.6万元", "v1.2.a", "结转\u3000办结", "镇", "二〇二四",
                "公开公开", "a".repeat(33), "，。！")) {
            Object browser = driver.executeScript("return govsiteSearch.tokens(arguments[0]);", q);
            if (!Tokenizer.queryTokens(q).equals(browser)) {
                problems.add(q + ": browser " + browser + ", Java " + Tokenizer.queryTokens(q));
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    /** The page finds a token's list in the shard {@code SearchIndex.shardOf} put it in: the same hash in both. */
    @Test
    void theBrowserHashesTokensToTheShardsTheIndexWroteThemIn() {
        driver.get(fileBase() + "search.html");
        List<String> tokens = new ArrayList<>(List.of("行政", "政复", "镇", "2024", "38.6", "icp", "〇二", "a".repeat(32)));
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            char first = (char) ('\u4E00' + random.nextInt(0x5200));
            tokens.add(i % 2 == 0 ? String.valueOf(first) : "" + first + (char) ('\u4E00' + random.nextInt(0x5200)));
        }
        List<Integer> counts = List.of(1, 2, 256, 2048, 1 << 30);
        // one call for every token and shard count (a call each took a second per hundred on a loaded machine)
        @SuppressWarnings("unchecked")
        List<List<Number>> browser = (List<List<Number>>) driver.executeScript(
                "return arguments[1].map(n => arguments[0].map(t => govsiteSearch.shardOf(t, n)));", tokens, counts);
        assertEquals(counts.size(), browser.size(), "a list per shard count");
        List<String> problems = new ArrayList<>();
        for (int c = 0; c < counts.size(); c++) {
            int shards = counts.get(c);
            assertEquals(tokens.size(), browser.get(c).size(), "a shard per token among " + shards);
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                Number shard = browser.get(c).get(i);
                int java = SearchIndex.shardOf(t, shards);
                if (shard == null || shard.intValue() != java) {
                    problems.add(t + " among " + shards + ": browser " + shard + ", Java " + java);
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void axeFindsNoViolationOnTheResultsPage() {
        List<String> problems = new ArrayList<>();
        try (Chromium.Registration axe = Chromium.axeInEveryPage(driver)) {
            axeTheResultsPages(problems);
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static void axeTheResultsPages(List<String> problems) {
        search(fileBase(), "行政复议", "");
        problems.addAll(axe("results"));
        search(httpBase(), "量子计算机", "");
        problems.addAll(axe("no results"));
        driver.executeScript("window.localStorage.setItem('govsite.high-contrast', 'on');");
        search(fileBase(), "结转", "&year=2024");
        problems.addAll(axe("results, high contrast"));
        driver.executeScript("window.localStorage.clear();");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 320, "height", 640,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            search(fileBase(), "行政复议", "");
            problems.addAll(axe("results at 320 px"));
            Number overflow = (Number) driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            if (overflow.intValue() > 0) {
                problems.add("the results page scrolls sideways at 320 px by " + overflow);
            }
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static List<String> axe(String page) {
        return Chromium.axe(driver, page);
    }
}

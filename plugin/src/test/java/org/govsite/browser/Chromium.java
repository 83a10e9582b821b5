package org.govsite.browser;

import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-headless-shell chromium-driver}),
 * started headless. Both paths are given explicitly, so Selenium Manager never downloads anything.
 *
 * <p>The browser is Debian's {@code chromium-headless-shell} when it is installed: the same Blink and V8, of the same
 * version, as {@code chromium}, without the full browser's layers that a headless test never sees. Every browser test
 * passes in both; in the headless shell the browser classes took about a third less CPU (206 CPU-s against 302, all
 * processes counted, on 2 cores). {@code -Dgovsite.chromium=/usr/bin/chromium} runs them in the full browser.
 */
final class Chromium {
    /** Debian's headless shell, or else its full browser. */
    private static final Path HEADLESS_SHELL = Path.of("/usr/lib/chromium/chromium-headless-shell");

    /** Debian's paths; another system may point elsewhere with -Dgovsite.chromium and -Dgovsite.chromedriver. */
    static final Path BINARY = Path.of(System.getProperty("govsite.chromium",
            Files.isExecutable(HEADLESS_SHELL) ? HEADLESS_SHELL.toString() : "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("govsite.chromedriver", "/usr/bin/chromedriver"));
    /** Set to true (CI does) to make a missing browser a failure rather than a skip. */
    static final String REQUIRE = "govsite.requireBrowser";

    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--lang=zh-CN", "--force-device-scale-factor=1",
            "--hide-scrollbars", "--window-size=1280,900");

    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Chromium() {
    }

    /**
     * Why the browser tests cannot run here, or {@code null} when Chromium is installed. Fails instead when
     * {@code govsite.requireBrowser} is true. The reason is also printed, so that the build log says it plainly.
     */
    static String missing() {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (installed) {
            return null;
        }
        String message = "Chromium is not installed (" + BINARY + ", " + DRIVER + "): the browser tests are skipped."
                + " Install it with: apt-get install -y chromium chromium-headless-shell chromium-driver";
        if (Boolean.parseBoolean(System.getProperty(REQUIRE, "false"))) {
            fail(message.replace("are skipped", "cannot run") + " (" + REQUIRE + "=true)");
        }
        System.err.println("[govsite] " + message);
        return message;
    }

    /**
     * The lock ({@code @ResourceLock}) of the first shared window ({@link #shared()}): every class that uses it holds
     * it, so that the classes of that window take turns while the suite's other classes run beside them
     * (junit-platform.properties).
     */
    static final String WINDOW = "org.govsite.browser.Chromium.window";

    /** The lock of the second shared window ({@link #second()}), held the same way by the classes that use it. */
    static final String SECOND_WINDOW = "org.govsite.browser.Chromium.window.second";

    private static ChromeDriver shared;
    private static ChromeDriver second;

    /**
     * One browser for the browser test classes of this JVM that hold {@link #WINDOW}, started on first use and quit
     * when the JVM exits. Each class takes it through here, which first puts it back to a fresh state ({@link #reset});
     * those classes run one after another, never at the same time.
     */
    static synchronized ChromeDriver shared() {
        if (shared == null) {
            shared = started();
        }
        reset(shared);
        return shared;
    }

    /**
     * A second browser, for the classes that hold {@link #SECOND_WINDOW}: the browser classes are most of the suite's
     * time, and two browsers let two of them run at once (each Chromium its own profile, so no stored state is
     * shared). Otherwise as {@link #shared()}.
     */
    static synchronized ChromeDriver second() {
        if (second == null) {
            second = started();
        }
        reset(second);
        return second;
    }

    private static ChromeDriver started() {
        ChromeDriver driver = start();
        Runtime.getRuntime().addShutdownHook(new Thread(driver::quit, "govsite-chromium-quit"));
        return driver;
    }

    /**
     * A fresh state: a blank page, no stored reading mode (localStorage of file://, the origin of the sample site's
     * pages), no emulated screen or media, scripts on.
     */
    static void reset(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", "*", "storageTypes", "local_storage"));
        driver.get("about:blank");
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(FLAGS);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // axe over a report page's tables takes seconds; on a loaded machine, more than Selenium's 30 s by default
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
        return driver;
    }

    /**
     * axe-core as its Selenium binding (com.deque.html.axe-core:selenium) ships it: the version is pinned with that
     * dependency. It is run here with a few lines of our own rather than through {@code AxeBuilder}, which asks the
     * browser for every result (passes and inapplicable rules too) and converts it twice: our call brings back the
     * violations only, in one small object. Side by side on the same pages (the home page and the seed report, each
     * loaded afresh, 8 runs of each on a loaded machine) it took about 30 % less time.
     */
    private static final String AXE_SOURCE = axeSource();

    /**
     * Runs axe on the open document with the WCAG tags (arguments[0]); answers its violations, or its error, or that
     * axe is not in the page yet.
     */
    private static final String AXE_RUN = String.join("\n",
            "const done = arguments[arguments.length - 1];",
            "if (typeof axe === 'undefined') { done({absent: true}); return; }",
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations'],",
            "    iframes: false})",
            "  .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,",
            "      helpUrl: v.helpUrl, nodes: v.nodes.map(n => ({target: JSON.stringify(n.target), html: n.html,",
            "      failureSummary: n.failureSummary || null}))}))}),",
            "    e => done({error: String(e && e.stack || e)}));");

    private static String axeSource() {
        try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not in the axe-core Selenium jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A script the browser puts into every new document until closed. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * axe-core in every document the browser opens from now on, until closed: for a test that runs axe over many
     * pages. It is one CDP registration ({@code Page.addScriptToEvaluateOnNewDocument}); the page then has axe before
     * its own scripts run, as with a {@code <script>} at the top of its head, and {@link #axe} finds it there. Putting
     * axe's 500 KB into each page through WebDriver instead ({@code executeScript}) took longer than axe's run on most
     * pages of the sample site (0.86 s a page against 0.06 s, 10 report pages, on a loaded machine).
     */
    static Registration axeInEveryPage(ChromeDriver driver) {
        Object id = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AXE_SOURCE))
                .get("identifier");
        return () -> driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
    }

    /**
     * The WCAG 2.0/2.1 A and AA violations axe-core finds on the open page, one readable entry each. axe is put into
     * the page first unless it is there already ({@link #axeInEveryPage}).
     */
    @SuppressWarnings("unchecked")
    static List<String> axe(ChromeDriver driver, String page) {
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript(AXE_RUN, WCAG_TAGS);
        if (Boolean.TRUE.equals(result.get("absent"))) {
            driver.executeScript(AXE_SOURCE);
            result = (Map<String, Object>) driver.executeAsyncScript(AXE_RUN, WCAG_TAGS);
        }
        List<String> out = new ArrayList<>();
        if (result.get("error") != null) {
            out.add(page + ": axe failed: " + result.get("error"));
            return out;
        }
        for (Map<String, Object> v : (List<Map<String, Object>>) result.get("violations")) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: [%s, %s] %s (%s)", page, v.get("id"),
                    v.get("impact"), v.get("help"), v.get("helpUrl")));
            for (Map<String, Object> n : (List<Map<String, Object>>) v.get("nodes")) {
                b.append("\n    ").append(n.get("target")).append("  ").append(n.get("html"));
                if (n.get("failureSummary") != null) {
                    b.append("\n      ").append(String.valueOf(n.get("failureSummary")).replace("\n", "\n      "));
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    /** A PNG of the viewport, or of the whole page. */
    static void screenshot(ChromeDriver driver, Path file, boolean fullPage) throws IOException {
        Map<String, Object> params;
        if (fullPage) {
            @SuppressWarnings("unchecked")
            List<Number> size = (List<Number>) driver.executeScript(
                    "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight];");
            params = Map.of("format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                    "width", size.get(0), "height", size.get(1), "scale", 1));
        } else {
            params = Map.of("format", "png");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> shot = (Map<String, Object>) driver.executeCdpCommand("Page.captureScreenshot", params);
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }
}

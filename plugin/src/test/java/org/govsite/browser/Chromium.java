package org.govsite.browser;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}), started headless. Both paths
 * are given explicitly, so Selenium Manager never downloads anything.
 */
final class Chromium {
    /** Debian's paths; another system may point elsewhere with -Dgovsite.chromium and -Dgovsite.chromedriver. */
    static final Path BINARY = Path.of(System.getProperty("govsite.chromium", "/usr/bin/chromium"));
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
                + " Install it with: apt-get install -y chromium chromium-driver";
        if (Boolean.parseBoolean(System.getProperty(REQUIRE, "false"))) {
            fail(message.replace("are skipped", "cannot run") + " (" + REQUIRE + "=true)");
        }
        System.err.println("[govsite] " + message);
        return message;
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(FLAGS);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** The WCAG 2.0/2.1 A and AA violations axe-core finds on the open page, one readable entry each. */
    static List<String> axe(ChromeDriver driver, String page) {
        // Legacy mode runs axe in the page itself instead of finishing in a new blank window (the pages have no
        // frames); only violations come back in full. Both save time per page.
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(WCAG_TAGS);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(only);
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder().withOptions(options).disableIframeTesting().setLegacyMode(true)
                .analyze(driver);
        List<String> out = new ArrayList<>();
        if (results.isErrored()) {
            out.add(page + ": axe failed: " + results.getErrorMessage());
        }
        for (Rule v : results.getViolations()) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: [%s, %s] %s (%s)", page, v.getId(),
                    v.getImpact(), v.getHelp(), v.getHelpUrl()));
            for (CheckedNode n : v.getNodes()) {
                b.append("\n    ").append(n.getTarget()).append("  ").append(n.getHtml());
                if (n.getFailureSummary() != null) {
                    b.append("\n      ").append(n.getFailureSummary().replace("\n", "\n      "));
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

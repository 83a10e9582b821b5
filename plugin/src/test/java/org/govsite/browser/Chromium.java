package org.govsite.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
}

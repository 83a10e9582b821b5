package org.govsite.browser;

import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A way of reading the site: a viewport and a stored reading aid ({@code large-text} 大字模式, {@code high-contrast}
 * 高对比度, or none).
 */
record ReadingMode(String name, int width, int height, boolean mobile, String option) {
    static final ReadingMode PHONE = new ReadingMode("360 px", 360, 640, true, null);
    static final ReadingMode PHONE_LARGE_TEXT = new ReadingMode("360 px, 大字模式", 360, 640, true, "large-text");
    static final ReadingMode PHONE_HIGH_CONTRAST = new ReadingMode("360 px, 高对比度", 360, 640, true, "high-contrast");
    static final ReadingMode ZOOM_200 = new ReadingMode("1280 px at 200 % zoom", 640, 450, false, null);

    /**
     * The ways of reading, besides the default desktop one (where axe runs over every page), in which axe runs over
     * one page of each kind. The reading aids change colours and sizes at every width alike (their CSS is outside the
     * media queries), and the phone is the width where a larger text has least room: so each aid is checked on a
     * phone, and the phone once without one.
     */
    static final List<ReadingMode> AXE = List.of(PHONE, PHONE_LARGE_TEXT, PHONE_HIGH_CONTRAST);

    /** Sets the viewport and the stored aid; {@code anyPage} is a page of the site, whose storage the aid lives in. */
    void use(ChromeDriver driver, Path anyPage) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        driver.get(anyPage.toUri().toString());
        driver.executeScript("window.localStorage.clear();");
        if (option != null) {
            driver.executeScript("window.localStorage.setItem('govsite.' + arguments[0], 'on');", option);
        }
    }
}

package org.quanze.web;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's Chromium and chromedriver, driven headless. Both paths are given to Selenium, so
 * Selenium Manager never looks for (or downloads) a browser or a driver.
 */
final class ChromiumBrowser {

    /** Debian's paths; -Dquanze.chromium / -Dquanze.chromedriver point elsewhere (another OS, another build). */
    static final Path CHROMIUM = Path.of(System.getProperty("quanze.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("quanze.chromedriver", "/usr/bin/chromedriver"));

    // Selenium looks for DevTools bindings matching the browser's version and warns when there are
    // none; the test uses WebDriver (and chromedriver's own CDP passthrough) only, so they are left out.
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private ChromiumBrowser() {}

    /**
     * Null when both are installed. Otherwise a sentence saying what is missing, after failing the
     * run in CI (CI=true), where a missing browser would mean the page went untested, or, on a
     * developer's machine, after saying where it cannot be missed that the browser tests will skip.
     */
    static String missingOrFailInCi() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) missing.add(CHROMIUM + " (Debian package chromium)");
        if (!Files.isExecutable(CHROMEDRIVER)) missing.add(CHROMEDRIVER + " (Debian package chromium-driver)");
        if (missing.isEmpty()) return null;
        String why = "the browser tests need a browser and its driver, and these are missing: " + String.join(", ", missing);
        if ("true".equals(System.getenv("CI"))) {
            fail(why + ". CI=true, so this fails instead of skipping: install them (.ci/run does).");
        }
        String line = "!".repeat(100);
        System.err.println("\n" + line + "\n!!! SKIPPING THE BROWSER TESTS: " + why + ".\n"
                + "!!! The page was NOT tested. Install them: sudo apt-get install chromium chromium-driver fonts-noto-cjk\n"
                + line + "\n");
        return why;
    }

    /** A fresh headless browser with its own profile in {@code profileDir}, logging the console. */
    static ChromeDriver start(Path profileDir) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profileDir.toAbsolutePath(), "--window-size=1280,900",
                "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(service, options);
    }

    /** Sets the viewport exactly, whatever size the window has; a phone also gets touch and DPR 2. */
    static void viewport(ChromeDriver driver, int width, int height, boolean phone) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", phone ? 2 : 1, "mobile", phone));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", phone));
    }

    /** The console messages since the last call (reading them empties the browser's buffer). */
    static List<LogEntry> console(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    static Path screenshot(ChromeDriver driver, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** The whole page, however long: the viewport is stretched to the page's height for the shot. */
    static Path fullPageScreenshot(ChromeDriver driver, Path dir, String name, int width, boolean phone) throws IOException {
        int height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).intValue();
        viewport(driver, width, Math.min(height, 8000), phone);
        try {
            return screenshot(driver, dir, name);
        } finally {
            viewport(driver, width, phone ? 812 : 900, phone);
        }
    }
}

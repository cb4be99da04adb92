package org.quanze.web;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.quanze.Engine;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real server, in-process on a free port over a copy of the bundled lists, and headless
 * Chromium at 1280×900, started once per test class. Every test is skipped (reported, not absent)
 * without a browser, and checks the console afterwards: no CSP violation, no script error, no
 * failed request.
 */
abstract class BrowserTestBase {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path temp;
    static String browserMissing;
    static Engine engine;
    static Javalin server;
    static ChromeDriver driver;
    static SearchPage page;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        browserMissing = ChromiumBrowser.missingOrFailInCi();
        if (browserMissing != null) return;
        Path data = BundledData.copyTo(temp.resolve("data"));
        engine = Engine.open(data, true, System.out);
        // The page as `serve` gives it: the copy on the class path, through the same handler.
        server = WebApp.create(engine.search(), new WebApp.Options(null)).start("127.0.0.1", 0);
        driver = ChromiumBrowser.start(temp.resolve("profile"));
        ChromiumBrowser.viewport(driver, 1280, 900, false);
        page = new SearchPage(driver, "http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) driver.quit();
        if (server != null) server.stop();
        if (engine != null) engine.close();
        driver = null;
        server = null;
        engine = null;
    }

    @BeforeEach
    void forgetEarlierConsoleMessages() {
        assumeTrue(browserMissing == null, () -> "skipped: " + browserMissing);
        ChromiumBrowser.console(driver);
    }

    @AfterEach
    void consoleStayedClean() {
        if (driver == null) return;
        List<String> problems = ChromiumBrowser.console(driver).stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue() || e.getMessage().contains("Content Security Policy"))
                .map(LogEntry::toString)
                .toList();
        assertEquals(List.of(), problems, "console messages");
    }
}

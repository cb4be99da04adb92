package org.quanze.web;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.quanze.Engine;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quanze.web.RunningServer.enc;

/** The legal texts on the page in headless Chromium: item view, search answer, law page. */
class StatutePageBrowserTest {

    @TempDir
    static Path temp;
    static String browserMissing;
    static Engine engine;
    static Javalin server;
    static ChromeDriver driver;
    static SearchPage page;

    @BeforeAll
    static void start() throws IOException {
        browserMissing = ChromiumBrowser.missingOrFailInCi();
        if (browserMissing != null) return;
        Path data = BundledData.copyTo(temp.resolve("data"));
        engine = Engine.open(data, true, System.out);
        server = WebApp.create(engine.search(), new WebApp.Options(Path.of("web"))).start("127.0.0.1", 0);
        driver = ChromiumBrowser.start(temp.resolve("profile"));
        ChromiumBrowser.viewport(driver, 1280, 900, false);
        page = new SearchPage(driver, "http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) driver.quit();
        if (server != null) server.stop();
        if (engine != null) engine.close();
    }

    @BeforeEach
    void skipWithoutBrowser() {
        assumeTrue(browserMissing == null, () -> "skipped: " + browserMissing);
        ChromiumBrowser.console(driver);
    }

    @AfterEach
    void consoleStayedClean() {
        if (driver == null) return;
        List<String> problems = ChromiumBrowser.console(driver).stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue() || e.getMessage().contains("Content Security Policy"))
                .map(LogEntry::toString).toList();
        assertEquals(List.of(), problems, "console messages");
    }

    @Test
    void theItemViewShowsTheArticleTextCollapsedWithItsFlagAndBothTexts() throws IOException {
        page.open("/?item=004_e6509d409e33aba2-1").waitForItem("对用人单位不办理医疗保险登记手续、未按规定变更已登记信息、变更登记的证明材料不全");
        WebElement block = page.find(".legal-text[data-statute=\"社会保险法/87\"] details");
        assertNull(block.getDomAttribute("open"), "the article text starts collapsed");
        assertEquals("《社会保险法》第八十七条\n引文与法律原文不符", block.findElement(org.openqa.selenium.By.cssSelector("summary")).getText());
        block.findElement(org.openqa.selenium.By.cssSelector("summary")).click();
        List<WebElement> marks = block.findElements(org.openqa.selenium.By.cssSelector(".quote-compare mark"));
        assertEquals(List.of("相应", "费，", "骗取", "金，"), marks.stream().map(WebElement::getText).toList());
        assertTrue(block.getText().contains("责令退回骗取的社会保险金"), block::getText);
        ChromiumBrowser.screenshot(driver, PageBrowserTest.SCREENSHOTS, "item-legal-text");
    }

    @Test
    void aSearchNamingAnUncitedArticleSaysSoAboveTheLawsItems() {
        page.open("/?q=" + enc("社保法第九十八条")).waitForTotal(30);
        WebElement answer = page.find("#statute-answer");
        assertTrue(answer.isDisplayed());
        assertTrue(answer.getText().contains("本法自2011年7月1日起施行。"), answer::getText);
        assertTrue(answer.getText().contains("没有事项以该条为设定依据；下方为引用《社会保险法》的 30 项事项。"), answer::getText);
        page.open("/?q=" + enc("医疗救助")).waitForResults();
        assertFalse(page.find("#statute-answer").isDisplayed());
    }

    @Test
    void theLawPageListsTheRepealedLawsSuccessorAndItsItems() {
        page.open("/?law=" + enc("行政监察法") + "#law-page");
        page.waitFor("the law page", () -> page.all(".law-status").size() == 1, () -> page.find("#item").getText());
        assertEquals("中华人民共和国行政监察法", page.find("#item-title").getText());
        assertTrue(page.find(".law-status").getText().startsWith("已废止 已由《监察法》取代（2018-03-20）"), page.find(".law-status")::getText);
        assertEquals(9, page.all("#item .related-item").size());
        page.open("/?law=" + enc("社会保险法") + "&article=87#law-page");
        page.waitFor("article 87 open", () -> !page.all("#article-87 details[open]").isEmpty(), () -> page.find("#item").getText());
        assertEquals(98, page.all(".law-article").size());
    }
}

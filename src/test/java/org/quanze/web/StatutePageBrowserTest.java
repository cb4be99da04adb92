package org.quanze.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.web.RunningServer.enc;

/** The legal texts on the page in headless Chromium: item view, search answer, law page. */
class StatutePageBrowserTest extends BrowserTestBase {

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

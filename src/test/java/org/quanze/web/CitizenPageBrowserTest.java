package org.quanze.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a citizen does on a phone or with a keyboard, in headless Chromium over the bundled lists:
 * the answer on the first card, narrowing by article, suggestions, keys, typing, long questions.
 */
class CitizenPageBrowserTest extends BrowserTestBase {

    static final String QUESTION = "医保卡借给别人用会怎么处罚";
    /** 000 item 9: 对个人将本人的医疗保障凭证交由他人冒名使用等违法使用医保基金行为的行政处罚. */
    static final String LENT_CARD_ITEM = "000_9151f9b4e62eb64c-9";

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void onAPhoneTheFirstCardShowsDepartmentCityAndAPhoneToDialWithoutScrolling() throws IOException {
        ChromiumBrowser.viewport(driver, 375, 812, true);
        try {
            page.open("/?q=" + enc(QUESTION)).waitForResults();
            assertEquals(LENT_CARD_ITEM, page.hitIds().get(0));
            WebElement card = page.find("#results li.hit");
            WebElement department = card.findElement(By.className("hit-department"));
            WebElement city = card.findElement(By.className("hit-region"));
            WebElement phone = card.findElement(By.cssSelector("a.phone-link"));
            assertEquals("市医保局", department.getText(), "sources.json records the list's authority");
            assertEquals("四川省遂宁市", city.getText(), "the area code 0825 of the list's phone numbers");
            assertEquals("0825-5801815", phone.getText());
            assertEquals("tel:08255801815", phone.getDomAttribute("href"));

            assertEquals(0L, ((Number) page.js("return Math.round(window.scrollY);")).longValue());
            for (WebElement e : List.of(department, city, phone)) {
                assertTrue(page.inViewport(e), e.getText() + " is drawn at " + page.box(e) + ", outside 375×812");
            }
            ChromiumBrowser.screenshot(driver, SCREENSHOTS, "phone-answer");
        } finally {
            ChromiumBrowser.viewport(driver, 1280, 900, false);
        }
        page.open("/?q=" + enc(QUESTION)).waitForResults();
        ChromiumBrowser.screenshot(driver, SCREENSHOTS, "desktop-answer");
    }

    @Test
    void aQuestionNoItemAnswersWholeSaysSoAndStrikesTheWordsEachHitLacks() {
        // No item is about a lost card: 丢 is in none of the lists; 医保卡 (医疗保障凭证) in three.
        page.open("/?q=" + enc("医保卡丢了")).waitForTotal(3);
        WebElement notice = page.find("#partial");
        assertTrue(notice.isDisplayed());
        assertTrue(notice.getText().startsWith("没有完全符合的事项"), notice.getText());
        assertEquals(LENT_CARD_ITEM, page.hitIds().get(0));
        List<WebElement> struck = page.find("#results li.hit").findElements(By.cssSelector(".hit-missing s"));
        assertEquals(List.of("丢"), struck.stream().map(WebElement::getText).toList());

        page.open("/?q=" + enc("医疗救助")).waitForTotal(7);
        assertFalse(page.find("#partial").isDisplayed(), "every hit of 医疗救助 contains it");
        assertTrue(page.all("#results .hit-missing").isEmpty());
    }

    @Test
    void anItemFoundByTheArticleItCitesShowsTheArticlesClause() {
        // 遂宁's 分解住院、挂床住院 power says nothing of cash back; the 第三十八条 it cites does.
        page.open("/?q=" + enc("返还现金")).waitForTotal(14);
        // Five items hold both words; the nine that hold one fill the list out after them.
        assertEquals("共 14 项，前 5 项最相符", page.find("#total").getText());
        WebElement card = page.find("#results li.hit[data-id='000_9151f9b4e62eb64c-5']");
        List<WebElement> snippets = card.findElements(By.cssSelector(".snippet"));
        assertEquals(1, snippets.size());
        assertEquals("所引条文：《医疗保障基金使用监督管理条例》第三十八条",
                snippets.get(0).findElement(By.className("snippet-label")).getText());
        assertEquals(List.of("返还", "现金"), snippets.get(0).findElements(By.tagName("mark")).stream().map(WebElement::getText).toList());
        assertTrue(card.findElements(By.cssSelector(".hit-missing")).isEmpty(), "the article holds both words");
    }

    @Test
    void aListWithoutPhonesSaysSoOnEveryCard() {
        page.open("/?source=004_e6509d409e33aba2").waitForTotal(17);
        List<WebElement> cards = page.all("#results li.hit");
        assertEquals(10, cards.size());
        for (WebElement card : cards) {
            assertEquals("本清单未公布电话", card.findElement(By.className("hit-phone")).getText());
        }
        assertTrue(page.all("#results a.phone-link").isEmpty());

        page.open("/?source=000_9151f9b4e62eb64c").waitForTotal(20);
        assertEquals(10, page.all("#results a.phone-link[href='tel:08255801815']").size(), "every 000 item gives its phone");
    }

    @Test
    void anArticleTickedUnderItsTickedLawNarrowsToThatArticle() {
        page.open("/?statute=" + enc("社会保险法")).waitForTotal(30);
        page.all(".facet[data-facet=statute] .articles-toggle").stream()
                .filter(b -> "articles\u0000社会保险法".equals(b.getDomAttribute("data-focus-key")))
                .findFirst().orElseThrow().click();
        page.facetValue("statute", "社会保险法/86").click();
        page.waitForTotal(3);
        assertEquals(List.of("社会保险法", "社会保险法/86"), page.param("statute"));
        assertEquals(List.of("法律依据：《社会保险法》", "法律依据：《社会保险法》第86条"), page.chips());

        page.facetValue("statute", "社会保险法").click();
        page.waitForTotal(73);
        assertEquals(List.of(), page.param("statute"), "unticking the law drops its article with it");
    }

    @Test
    void anItemNameSuggestionOpensTheItemAndAnEverydayWordSuggestsItsOfficialTerm() {
        page.open("/").waitForTotal(73);
        page.queryBox().sendKeys("骗取医疗救助");
        page.waitForSuggestions();
        assertEquals(List.of("name 对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的处罚"), page.suggestions());
        page.queryBox().sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        page.waitForItem("对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的处罚");
        assertEquals(List.of("002_878c5c45273f98d5-4"), page.param("item"));

        page.open("/").waitForTotal(73);
        page.queryBox().sendKeys(QUESTION);
        page.waitForSuggestions();
        assertEquals(List.of("term 医保卡 → 医疗保障凭证", "term 别人 → 他人"), page.suggestions());
        page.queryBox().sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        page.waitFor("the search with the official term", () -> !page.busy()
                && List.of("医疗保障凭证借给别人用会怎么处罚").equals(page.param("q")), () -> "q is " + page.param("q"));
        page.waitForResults();
        assertEquals(LENT_CARD_ITEM, page.hitIds().get(0));
    }

    @Test
    void arrowKeysMoveThroughTheResultsAndEscReturnsToTheOneOpened() {
        page.open("/").waitForTotal(73);
        page.queryBox().sendKeys("稽核", Keys.ENTER);
        page.waitForTotal(12);
        List<String> ids = page.hitIds();

        page.queryBox().sendKeys(Keys.ARROW_DOWN);
        assertEquals(ids.get(0), page.focused().getDomAttribute("data-item"), "one key from the search box to the first result");
        page.focused().sendKeys(Keys.ARROW_DOWN);
        page.focused().sendKeys(Keys.ARROW_DOWN);
        assertEquals(ids.get(2), page.focused().getDomAttribute("data-item"));
        page.focused().sendKeys(Keys.ARROW_UP);
        WebElement second = page.focused();
        assertEquals(ids.get(1), second.getDomAttribute("data-item"));
        String name = second.getText();

        second.sendKeys(Keys.ENTER);
        page.waitForItem(name);
        assertEquals("item-title", page.focused().getDomAttribute("id"));
        page.focused().sendKeys(Keys.ESCAPE);
        page.waitForTotal(12);
        page.waitFor("focus on the result opened", () -> ids.get(1).equals(page.focused().getDomAttribute("data-item")),
                () -> "focus is on " + page.focused().getTagName() + "#" + page.focused().getDomAttribute("id"));

        page.focused().sendKeys(Keys.ARROW_UP, Keys.ARROW_UP);
        assertEquals("q", page.focused().getDomAttribute("id"), "↑ from the first result goes back to the search box");
    }

    @Test
    void resultsFollowTheTypingWithALoadingStateAndOneHistoryEntry() {
        page.open("/").waitForTotal(73);
        long before = ((Number) page.js("return history.length;")).longValue();
        page.js("window.sawLoading = false; const l = document.getElementById('loading');"
                + "new MutationObserver(() => { if (!l.hidden) window.sawLoading = true; }).observe(l, {attributes: true});");
        page.queryBox().sendKeys("医疗救助");
        page.waitFor("results for the typed words", () -> !page.busy() && List.of("医疗救助").equals(page.param("q"))
                && page.find("#query-echo").getText().contains("医疗救助"), () -> "q is " + page.param("q"));
        assertEquals(true, page.js("return window.sawLoading;"), "the loading state showed while the search ran");
        assertEquals(before + 1, ((Number) page.js("return history.length;")).longValue());

        page.queryBox().sendKeys("待遇");
        page.waitFor("results for the longer words", () -> !page.busy() && List.of("医疗救助待遇").equals(page.param("q"))
                && page.find("#query-echo").getText().contains("医疗救助待遇"), () -> "q is " + page.param("q"));
        assertEquals(before + 1, ((Number) page.js("return history.length;")).longValue(), "one typing session, one entry");
        assertFalse(page.find("#loading").isDisplayed());
        assertEquals("医疗救助待遇", page.queryBox().getDomProperty("value"), "the box keeps what was typed");
    }

    @Test
    void aQuestionOverTheLimitIsExplainedInChineseWithAWayOn() {
        page.open("/?q=" + "医".repeat(1170));
        page.waitFor("the error", () -> page.find("#error").isDisplayed(), () -> "none showed");
        assertEquals("检索词有 1170 个字，超过了 1000 个字的上限。请删减后再检索，例如只保留事项名称或法规名称中的关键词。",
                page.find("#error-text").getText());
        assertTrue(page.all("#error-retry").isEmpty(), "retrying the same question can only fail again");
        assertEquals("1000", page.queryBox().getDomAttribute("maxlength"), "the limit comes from /api/config");

        page.find("#shorten-query").click();
        page.waitForResults();
        assertEquals(1000, page.param("q").get(0).length());
        assertFalse(page.find("#error").isDisplayed());

        page.open("/?q=" + enc("稽核") + "&page=1001");
        page.waitFor("the error", () -> page.find("#error").isDisplayed(), () -> "none showed");
        assertEquals("第 1001 页超出了可以翻看的前 10000 项结果。请加上检索词或筛选条件缩小范围。", page.find("#error-text").getText());
        assertTrue(page.all("#error-retry").isEmpty());
        page.find("#error a.btn").click();
        page.waitForResults();
        assertEquals(List.of(), page.param("page"));
    }

    @Test
    void aLongFacetHasAFilterBox() {
        page.open("/").waitForTotal(73);
        assertTrue(page.all(".facet[data-facet=powerType] .facet-filter").isEmpty(), "seven types need no filter");
        WebElement filter = page.find(".facet[data-facet=unit] .facet-filter");
        filter.sendKeys("稽核");
        page.waitFor("the filtered units", () -> page.all(".facet[data-facet=unit] .facet-label").size() == 1,
                () -> "the unit facet shows " + page.all(".facet[data-facet=unit] .facet-label").size());
        assertEquals("稽核稽查科", page.find(".facet[data-facet=unit] .facet-label").getText());
        assertEquals("filter\u0000unit", page.focused().getDomAttribute("data-focus-key"), "typing goes on in the box");
        page.facetValue("unit", "稽核稽查科").click();
        page.waitForTotal(8);
        assertEquals(List.of("承办机构：稽核稽查科"), page.chips());
    }
}

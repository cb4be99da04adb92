package org.quanze.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page in headless Chromium against the real server, in-process on a free port, over a copy
 * of the bundled lists. The exact totals are those of the five bundled lists (73 powers, 13 duties).
 */
class PageBrowserTest extends BrowserTestBase {

    static final String FIRST_ITEM = "000_9151f9b4e62eb64c-1";
    static final String FIRST_ITEM_NAME = "对缴费单位未按照规定办理社会保险登记、变更登记或者注销登记的行政处罚";
    static final String MARKUP = "<img src=x onerror=alert(1)>";

    @Test
    void typingOffersSuggestionsAndPickingALawFiltersByIt() {
        page.open("/").waitForTotal(73);
        page.queryBox().sendKeys("社会保险");
        page.waitFor("suggestions", () -> page.find("#suggestions").isDisplayed()
                && !page.all("#suggestions li[role=option]").isEmpty(), () -> "none showed");
        WebElement first = page.all("#suggestions li[role=option]").get(0);
        assertEquals("statute", first.getDomAttribute("data-kind"));
        assertTrue(first.getText().startsWith("社会保险法"), first.getText());

        page.queryBox().sendKeys(Keys.ARROW_DOWN);
        assertEquals("true", first.getDomAttribute("aria-selected"));
        assertEquals("suggestion-0", page.queryBox().getDomAttribute("aria-activedescendant"));
        page.queryBox().sendKeys(Keys.ENTER);

        page.waitForTotal(30);
        assertEquals(List.of("社会保险法"), page.param("statute"));
        assertEquals(List.of(), page.param("q"), "the typed text only found the law");
        assertEquals(List.of("法律依据：《社会保险法》"), page.chips());
        assertFalse(page.find("#suggestions").isDisplayed());
    }

    @Test
    void submittingTheQueryShowsHighlightedMatches() {
        page.open("/").waitForTotal(73);
        page.queryBox().sendKeys("稽核", Keys.ENTER);
        page.waitForTotal(12);
        assertEquals(List.of("稽核"), page.param("q"));
        assertEquals("“稽核”的检索结果，", page.find("#query-echo").getText());
        assertEquals(10, page.hitIds().size());
        assertTrue(page.all("#results mark").stream().anyMatch(m -> m.getText().contains("稽核")), "highlights are marked");
        assertFalse(page.find("#suggestions").isDisplayed(), "no suggestions left open over the results");
    }

    @Test
    void anArticleQuestionSaysWhichHitsItFoundByTheSamePowerInAnotherList() {
        page.open("/?q=" + URLEncoder.encode("社会保险法第八十六条", StandardCharsets.UTF_8)).waitForTotal(5);
        assertEquals(List.of("000_9151f9b4e62eb64c-4", "000_9151f9b4e62eb64c-11", "000_9151f9b4e62eb64c-2",
                "003_9f5412502f3ddd4a-2-5", "003_9f5412502f3ddd4a-2-6"), page.hitIds());
        List<String> notes = page.all("#results li.hit").stream()
                .map(card -> card.findElements(By.cssSelector(".hit-same-power")))
                .map(found -> found.isEmpty() ? "" : found.get(0).getText()).toList();
        String note = "本清单未列法律依据；其他清单中的同一事项以《社会保险法》第86条为依据";
        assertEquals(List.of("", "", "", note, note), notes);
    }

    @Test
    void aQuestionNamingAnOfficeOffersToShowOnlyItsItems() {
        // 稽查科 is how staff shorten 广元's 稽核稽查科: its five penalties come first.
        page.open("/?q=" + URLEncoder.encode("稽查科办理哪些行政处罚", StandardCharsets.UTF_8)).waitForTotal(22);
        WebElement note = page.find("#offices");
        assertTrue(note.isDisplayed());
        assertTrue(note.getText().startsWith("问题提到了承办机构，其承办的事项排在前面："), note.getText());
        WebElement link = note.findElement(By.cssSelector("a.office-filter"));
        assertEquals("只看“稽核稽查科”承办的事项", link.getText());
        link.click();
        page.waitForTotal(8);
        assertEquals(List.of("稽核稽查科"), page.param("unit"));
        assertEquals(List.of("承办机构：稽核稽查科"), page.chips());
        assertEquals("已只看“稽核稽查科”", page.find("#offices .office-name").getText());
        assertTrue(page.all("#offices a.office-filter").isEmpty());

        page.open("/?q=" + URLEncoder.encode("医疗救助", StandardCharsets.UTF_8)).waitForTotal(7);
        assertFalse(page.find("#offices").isDisplayed(), "医疗救助 names no office");
    }

    @Test
    void tickingFacetValuesChangesTheTotalAndClearAllUndoesThem() {
        page.open("/").waitForTotal(73);
        page.facetValue("powerType", "行政处罚").click();
        page.waitForTotal(25);
        assertEquals(List.of("行政处罚"), page.param("type"));
        assertTrue(page.facetValue("powerType", "行政处罚").isSelected());
        assertEquals(List.of("权力类型：行政处罚"), page.chips());

        page.facetValue("powerType", "行政检查").click();
        page.waitForTotal(56);
        assertEquals(List.of("行政处罚", "行政检查"), page.param("type"));

        page.find("#clear-all").click();
        page.waitForTotal(73);
        assertEquals(List.of(), page.param("type"));
        assertFalse(page.find("#chips-bar").isDisplayed());
    }

    @Test
    void aPowerWhoseListGivesNoBasisSaysSoOnItsPage() {
        page.open("/?item=003_9f5412502f3ddd4a-2-5").waitForItem("对用人单位未按时足额缴纳社会保险费的处罚");
        assertEquals("本清单未列法律依据", page.find("#item-no-basis").getText());
        page.open("/?item=" + FIRST_ITEM).waitForItem(FIRST_ITEM_NAME);
        assertTrue(page.all("#item-no-basis").isEmpty(), "an item with a basis shows it");
    }

    @Test
    void theLawStatusFacetShowsItsChineseLabelsInTheListAndTheChip() {
        page.open("/?q=" + URLEncoder.encode("骗保", StandardCharsets.UTF_8)).waitForResults();
        assertEquals(List.of("现行有效", "引文与法律不符", "法规库未收录", "已废止"), page.all(".facet[data-facet=lawStatus] .facet-label")
                .stream().map(WebElement::getText).toList());
        page.facetValue("lawStatus", "repealed").click();
        page.waitFor("chip", () -> !page.chips().isEmpty(), () -> "no chip");
        assertEquals(List.of("法律依据状态：已废止"), page.chips());
    }

    @Test
    void theKindFacetMakesDepartmentDutiesBrowsable() {
        page.open("/").waitForTotal(73);
        assertEquals("事项类别", page.find(".facet[data-facet=kind] legend").getText());
        assertEquals(List.of("权力事项 73", "部门主体责任 13"), page.all(".facet[data-facet=kind] .facet-value").stream()
                .map(v -> v.findElement(By.className("facet-label")).getText() + " " + v.findElement(By.className("facet-count")).getText().replaceAll("\\D", ""))
                .toList());
        assertTrue(page.facetValue("kind", "power").isSelected(), "powers are searched by default");

        page.facetValue("kind", "duty").click();
        page.waitForTotal(86);
        assertEquals(List.of("power", "duty"), page.param("kind"));

        page.facetValue("kind", "power").click();
        page.waitForTotal(13);
        assertEquals(List.of("duty"), page.param("kind"));
        assertEquals(List.of("事项类别：部门主体责任"), page.chips());
        assertEquals("部门主体责任", page.find("#results li.hit .badge").getText());

        page.find("#chips .chip-remove").click();
        page.waitForTotal(73);
        assertEquals(List.of(), page.param("kind"), "the default kind stays out of the URL");

        page.open("/?kind=power").waitForTotal(73);
        assertEquals(List.of(), page.chips(), "choosing the default is no filter to undo");
    }

    @Test
    void anItemLinksToItsStatuteAndBackStepsThroughTheViews() {
        page.open("/").waitForTotal(73);
        page.find("#results li.hit[data-id=\"" + FIRST_ITEM + "\"] a.hit-link").click();
        page.waitForItem(FIRST_ITEM_NAME);
        assertEquals(List.of(FIRST_ITEM), page.param("item"));
        // How many related items there are is the search's business (HTTP tests); here: they are shown, as links.
        assertFalse(page.all("#related li[data-id] a.related-link[data-item]").isEmpty(), "related items are listed");
        assertFalse(page.all("#item .copy-btn").isEmpty());

        page.find(".statute-link[data-statute=\"社会保险法/84\"]").click();
        page.waitForTotal(2);
        assertEquals(List.of("社会保险法/84"), page.param("statute"));
        assertEquals(List.of(), page.param("item"));
        assertEquals(List.of("法律依据：《社会保险法》第84条"), page.chips());
        assertTrue(page.hitIds().contains(FIRST_ITEM));

        driver.navigate().back();
        page.waitForItem(FIRST_ITEM_NAME);
        driver.navigate().back();
        page.waitForTotal(73);
        assertEquals(List.of(), page.param("item"));
    }

    @Test
    void aSharedUrlRestoresQueryFiltersPageAndItem() {
        page.open("/?q=监督检查&type=行政处罚&page=2").waitForTotal(24);
        assertEquals("监督检查", page.queryBox().getDomProperty("value"));
        assertTrue(page.facetValue("powerType", "行政处罚").isSelected());
        assertEquals(List.of("权力类型：行政处罚"), page.chips());
        assertEquals("2", page.find("#pager [aria-current=page]").getText().replaceAll("\\D", ""));
        assertEquals(10, page.hitIds().size());

        page.open("/?q=监督检查&type=行政处罚&item=" + FIRST_ITEM).waitForItem(FIRST_ITEM_NAME);
        page.find("#item-back").click();
        page.waitForTotal(24);
        assertEquals(List.of("监督检查"), page.param("q"));
        assertEquals(List.of("行政处罚"), page.param("type"));

        page.open("/?source=000_9151f9b4e62eb64c").waitForTotal(20);
        assertEquals(List.of("来源清单：市医保局权责清单"), page.chips(), "a list is shown by its title");
        page.open("/?source=003_9f5412502f3ddd4a&kind=duty").waitForTotal(13);
        assertEquals(List.of("来源清单：未具名清单 003", "事项类别：部门主体责任"), page.chips(), "a list without a heading is named by its number");
    }

    @Test
    void markupInTheQueryIsShownAsTextAndNeverRuns() {
        page.open("/").waitForTotal(73);
        page.queryBox().sendKeys(MARKUP, Keys.ENTER);
        page.waitFor("the search for the markup", () -> !page.busy() && List.of(MARKUP).equals(page.param("q")), () -> "it did not run");
        page.waitFor("the query echo", () -> page.find("#query-echo").getText().contains(MARKUP), () -> "it was not echoed");
        assertNothingRan();

        page.open("/?q=" + URLEncoder.encode(MARKUP, StandardCharsets.UTF_8) + "&type=" + URLEncoder.encode("行政确认", StandardCharsets.UTF_8));
        page.waitFor("the shared search for the markup", () -> !page.busy() && page.find("#query-echo").getText().contains(MARKUP),
                () -> "the heading reads '" + page.find("#results-title").getText() + "'");
        assertEquals(MARKUP, page.queryBox().getDomProperty("value"));
        assertTrue(driver.getTitle().contains(MARKUP), driver.getTitle());
        assertNothingRan();
    }

    private void assertNothingRan() {
        assertEquals(0L, page.js("return document.getElementsByTagName('img').length;"), "no img element was created");
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "no alert opened");
        assertTrue(page.find("body").getText().contains(MARKUP), "the markup is visible as text");
    }

    /** Guards the console check above: a real violation of the server's CSP does reach it. */
    @Test
    void aContentSecurityPolicyViolationWouldBeCaught() {
        page.open("/").waitForTotal(73);
        page.js("document.body.setAttribute('style', 'color: red');"); // inline style: refused by style-src 'self'
        page.waitFor("the violation in the console", () -> ChromiumBrowser.console(driver).stream()
                .anyMatch(e -> e.getMessage().contains("Content Security Policy")), () -> "none was logged");
    }

    @Test
    void screenshotsOfTheMainViewsAtDesktopAndPhoneWidth() throws IOException {
        page.open("/").waitForTotal(73);
        ChromiumBrowser.screenshot(driver, SCREENSHOTS, "desktop-1-browse");
        // Totals of free-text queries follow relevance tuning; the tests above pin the behaviour.
        page.open("/?q=骗取医保基金&type=行政处罚").waitForResults();
        page.open("/?q=骗取医保基金&type=行政处罚").waitForResults(); // again, to show a warm server's time
        ChromiumBrowser.screenshot(driver, SCREENSHOTS, "desktop-2-results");
        page.open("/?item=" + FIRST_ITEM).waitForItem(FIRST_ITEM_NAME);
        ChromiumBrowser.screenshot(driver, SCREENSHOTS, "desktop-3-item");
        ChromiumBrowser.fullPageScreenshot(driver, SCREENSHOTS, "desktop-3-item-full", 1280, false);
        page.open("/?statute=" + URLEncoder.encode("社会保险法/84", StandardCharsets.UTF_8)).waitForTotal(2);
        ChromiumBrowser.screenshot(driver, SCREENSHOTS, "desktop-4-statute");
        page.open("/?kind=duty").waitForTotal(13);
        ChromiumBrowser.screenshot(driver, SCREENSHOTS, "desktop-5-duties");
        page.open("/?q=航天飞机&type=行政处罚").waitForResults();
        ChromiumBrowser.screenshot(driver, SCREENSHOTS, "desktop-6-no-results");

        try {
            ChromiumBrowser.viewport(driver, 375, 812, true);
            page.open("/").waitForTotal(73);
            assertFitsTheWidth(375);
            ChromiumBrowser.screenshot(driver, SCREENSHOTS, "phone-1-browse");
            page.find("#facets-toggle").click();
            page.waitFor("the facets", () -> page.find("#facet-groups").isDisplayed(), () -> "they stayed folded");
            ChromiumBrowser.screenshot(driver, SCREENSHOTS, "phone-2-facets");
            page.open("/?q=稽核&type=行政检查").waitForResults();
            assertFitsTheWidth(375);
            ChromiumBrowser.screenshot(driver, SCREENSHOTS, "phone-3-results");
            page.open("/?item=" + FIRST_ITEM).waitForItem(FIRST_ITEM_NAME);
            assertFitsTheWidth(375);
            ChromiumBrowser.screenshot(driver, SCREENSHOTS, "phone-4-item");
            page.js("document.getElementById('statutes-title').scrollIntoView();");
            ChromiumBrowser.screenshot(driver, SCREENSHOTS, "phone-5-item-statutes");
        } finally {
            ChromiumBrowser.viewport(driver, 1280, 900, false);
        }
    }

    private void assertFitsTheWidth(int width) {
        Object scrollWidth = page.js("return document.documentElement.scrollWidth;");
        assertTrue(((Number) scrollWidth).intValue() <= width, "the page scrolls sideways: " + scrollWidth + " px wide");
    }
}

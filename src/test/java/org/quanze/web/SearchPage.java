package org.quanze.web;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The page's hooks (ids and data attributes), and waits that end when the page has shown an
 * answer, so that the test reads as what a user does and sees.
 */
final class SearchPage {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String base;

    SearchPage(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Loads a URL as if pasted into the address bar: a fresh page, no cached answers. */
    SearchPage open(String pathAndQuery) {
        driver.get(base + pathAndQuery);
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement queryBox() {
        return find("#q");
    }

    WebElement facetValue(String facet, String value) {
        return all(".facet[data-facet=\"" + facet + "\"] input[type=checkbox]").stream()
                .filter(box -> value.equals(box.getDomAttribute("value")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + facet + " facet value " + value + "; the facets show: "
                        + find("#facet-groups").getText()));
    }

    /** Waits until the result list shows this total and no request is pending, and says what it showed if not. */
    void waitForTotal(int expected) {
        waitFor("the total to be " + expected, () -> !busy() && find("#search-view").getDomAttribute("hidden") == null
                && String.valueOf(expected).equals(totalText()), () -> "the total reads '" + find("#total").getText() + "'");
    }

    /** Waits until the result list shows an answer, whatever its total (for views whose count is not the point). */
    void waitForResults() {
        waitFor("the results", () -> !busy() && find("#search-view").getDomAttribute("hidden") == null && !totalText().isEmpty(),
                () -> "the total reads '" + find("#total").getText() + "'");
    }

    /** Waits until the item view shows the item with this name. */
    void waitForItem(String name) {
        waitFor("the item view of " + name, () -> !busy() && find("#item").isDisplayed()
                && !all("#item-title").isEmpty() && name.equals(find("#item-title").getText()),
                () -> "the item view shows '" + (all("#item-title").isEmpty() ? "" : find("#item-title").getText()) + "'");
    }

    void waitFor(String what, Supplier<Boolean> condition, Supplier<String> instead) {
        try {
            new WebDriverWait(driver, PATIENCE).ignoring(RuntimeException.class).until(d -> condition.get());
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + ", but " + instead.get()
                    + "; URL " + driver.getCurrentUrl(), e);
        }
    }

    boolean busy() {
        return find("#main").getDomAttribute("aria-busy") != null;
    }

    String totalText() {
        List<WebElement> number = all("#total .total-number");
        return number.isEmpty() ? "" : number.get(0).getText();
    }

    /** Every value of one parameter of the page's URL, decoded. */
    @SuppressWarnings("unchecked")
    List<String> param(String name) {
        return (List<String>) js("return new URLSearchParams(location.search).getAll(arguments[0]);", name);
    }

    List<String> hitIds() {
        return all("#results li.hit[data-id]").stream().map(h -> h.getDomAttribute("data-id")).toList();
    }

    List<String> chips() {
        return all("#chips .chip-label").stream().map(WebElement::getText).toList();
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Where an element is drawn, in CSS pixels of the viewport: {top, bottom, left, right}. */
    @SuppressWarnings("unchecked")
    List<Number> box(WebElement e) {
        return (List<Number>) js("const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right];", e);
    }

    /** Whether the element is drawn wholly inside the viewport as it stands (nothing scrolled to it). */
    boolean inViewport(WebElement e) {
        List<Number> b = box(e);
        Number height = (Number) js("return window.innerHeight;");
        Number width = (Number) js("return window.innerWidth;");
        return b.get(0).doubleValue() >= 0 && b.get(1).doubleValue() <= height.doubleValue()
                && b.get(2).doubleValue() >= 0 && b.get(3).doubleValue() <= width.doubleValue()
                && b.get(1).doubleValue() > b.get(0).doubleValue();
    }

    /** The suggestions shown, as "kind text" (a term as "term 医保卡 → 医疗保障凭证"). */
    List<String> suggestions() {
        return all("#suggestions li[role=option]").stream()
                .map(o -> o.getDomAttribute("data-kind") + " " + o.findElement(By.className("suggestion-text")).getText())
                .toList();
    }

    void waitForSuggestions() {
        waitFor("suggestions", () -> find("#suggestions").isDisplayed() && !all("#suggestions li[role=option]").isEmpty(),
                () -> "none showed");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}

package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does, in headless Chromium: search, open a page, follow links; run an example query in the
 * editor and follow a result to its page. Skipped only when {@code /usr/bin/chromedriver} is absent.
 */
class BrowserTest {
    static HmsServer server;
    static Chromium chromium;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Chromium.available(), Chromium.absent());
        var v = Fixture.version("v1");
        server = HmsServer.builder().port(0).dataset(() -> v).ontology(Fixture.ontology()).build().start();
        base = "http://localhost:" + server.port();
        chromium = Chromium.start();
        driver = chromium.driver();
        wait = chromium.waiting();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void clearConsole() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    /** Console errors other than the missing favicon: CSP violations, blocked hosts, script failures. */
    static List<String> consoleErrors() {
        return chromium.consoleErrors();
    }

    /** With -Dbrowser.screenshots=DIR, saves what the browser shows, for a person to look at. */
    static void screenshot(String name) {
        chromium.screenshot(name);
    }

    @Test
    void searchForAmedOpenItsPageAndSeeItsMeasures() {
        driver.get(base + "/");
        WebElement box = driver.findElement(By.cssSelector("main form.search input[name=q]"));
        box.sendKeys("AMED");
        box.submit();
        wait.until(ExpectedConditions.urlContains("/search?q=AMED"));
        WebElement first = driver.findElement(By.cssSelector("ol.results li a"));
        assertEquals("日本医療研究開発機構", first.getText());
        first.click();

        wait.until(ExpectedConditions.urlToBe(base + "/id/initiative/amed"));
        assertEquals("日本医療研究開発機構", driver.findElement(By.tagName("h1")).getText());
        List<String> measures = driver.findElements(By.cssSelector("section.incoming a[href^='/id/measure/']"))
                .stream().map(a -> a.getAttribute("href")).toList();
        assertEquals(List.of(base + "/id/measure/test-doc/1", base + "/id/measure/test-doc/2"), measures);

        driver.findElement(By.cssSelector("section.incoming a[href='/id/measure/test-doc/2']")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/id/measure/test-doc/2"));
        List<String> marked = driver.findElements(By.cssSelector("blockquote.measure-text mark")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("日本医療研究開発機構", "2022年度", "329億円"), marked);
        if (System.getProperty("browser.screenshots") != null) {
            screenshot("measure-page");
        }
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void aScriptInALabelStaysText() {
        driver.get(base + "/id/initiative/x-0123456789ab");
        assertEquals("<script>alert(1)</script>推進事業", driver.findElement(By.tagName("h1")).getText());
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
    }

    @Test
    void runAnExampleQueryAndFollowAResultToItsPage() {
        driver.get(base + "/ui/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        driver.findElement(By.id("example-04-ministry-lead-counts")).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//div[contains(@class,'yasr')]//tr[td[contains(., '文部科学省')]]")));
        assertTrue(row.getText().contains("Ministry of Education, Culture, Sports, Science and Technology"),
                row.getText());

        WebElement link = row.findElement(By.cssSelector("a[href='/id/ministry/mext']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        if (System.getProperty("browser.screenshots") != null) {
            screenshot("ui-results");
        }
        // The table shows long IRIs cut short; the first click expands the cell, the second follows the link.
        row.findElement(By.cssSelector("div.expandable")).click();
        link.click();
        wait.until(ExpectedConditions.urlToBe(base + "/id/ministry/mext"));
        assertEquals("文部科学省", driver.findElement(By.tagName("h1")).getText());
        assertEquals(List.of(), consoleErrors(), "no CSP violation, no call to another host");
    }

    @Test
    void anExampleThatCannotAnswerHereSaysWhyBesideItsTitle() {
        driver.get(base + "/ui/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        WebElement example = driver.findElement(By.id("example-38-commitments-reported-done-in-the-next-edition"));
        WebElement need = example.findElement(By.xpath("following-sibling::span[contains(@class, 'needs')]"));
        assertTrue(need.isDisplayed());
        assertEquals("needs several editions of a document: none loaded", need.getText());
        assertTrue(driver.findElements(By.cssSelector("#example-04-ministry-lead-counts ~ span.needs")).isEmpty());
        driver.get(base + "/");
        WebElement onLanding = driver.findElement(By.xpath("//ul[@class='examples']/li[a[text()='"
                + "Commitments the next edition reports with an achievement']]/span[contains(@class, 'needs')]"));
        assertTrue(onLanding.isDisplayed());
        assertEquals("needs several editions of a document: none loaded", onLanding.getText());
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void fromTheLandingPageToTheNetworkAndOnToAMinistryAndAnInitiative() {
        driver.get(base + "/");
        driver.findElement(By.cssSelector("main a[href='/network']")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/network"));
        WebElement picture = driver.findElement(By.cssSelector("svg#ministry-network"));
        assertTrue(picture.isDisplayed());
        List<String> nodes = picture.findElements(By.cssSelector("a.node")).stream()
                .map(a -> a.getDomAttribute("href")).sorted().toList();
        assertEquals(List.of("/id/ministry/mext", "/id/ministry/mhlw"), nodes);
        assertEquals(List.of("厚生労働省", "文部科学省"), picture.findElements(By.cssSelector("a.node text")).stream()
                .map(WebElement::getText).sorted().toList());
        if (System.getProperty("browser.screenshots") != null) {
            screenshot("network");
        }
        picture.findElement(By.cssSelector("a.node[href='/id/ministry/mext'] circle")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/id/ministry/mext"));
        assertEquals("文部科学省", driver.findElement(By.tagName("h1")).getText());

        driver.get(base + "/id/initiative/amed");
        WebElement small = driver.findElement(By.cssSelector("section.neighbours svg#initiative-graph"));
        assertTrue(small.isDisplayed());
        assertTrue(small.getSize().getHeight() > 100, "drawn at a readable size: " + small.getSize());
        List<String> around = small.findElements(By.cssSelector("a.node.ministry")).stream()
                .map(a -> a.getDomAttribute("href")).sorted().toList();
        assertEquals(List.of("/id/ministry/mext", "/id/ministry/mhlw"), around);
        if (System.getProperty("browser.screenshots") != null) {
            screenshot("initiative-graph");
        }
        small.findElement(By.cssSelector("a.node[href='/id/ministry/mhlw'] circle")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/id/ministry/mhlw"));
        assertEquals(List.of(), consoleErrors(), "no CSP violation, no call to another host");
    }

    @Test
    void aQueryInTheAddressOpensInTheEditor() {
        String query = "SELECT ?ministry WHERE { ?ministry a <https://w3id.org/hmskg/def#Ministry> }";
        driver.get(base + "/ui/?query=" + Fixture.encode(query));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        Object shown = ((JavascriptExecutor) driver).executeScript("return window.hmskgYasgui.getTab().getQuery();");
        assertEquals(query, shown);
    }
}

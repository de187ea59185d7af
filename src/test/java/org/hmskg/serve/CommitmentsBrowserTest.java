package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hmskg.store.DatasetVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a researcher does with the commitments, in headless Chromium: open them from the landing page, filter by a
 * ministry with the form, follow a commitment to its measure and find the sentence marked there, its label written
 * out. On {@code serve/statements.trig}; skipped only when {@code /usr/bin/chromedriver} is absent.
 */
class CommitmentsBrowserTest {
    static HmsServer server;
    static Chromium chromium;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Chromium.available(), Chromium.absent());
        var v = new DatasetVersion(Fixture.load("/serve/statements.trig"), "s1", Instant.parse("2026-11-26T05:00:00Z"),
                Map.of());
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

    @Test
    void filterByAMinistryThenFollowACommitmentToItsMarkedSentence() {
        driver.get(base + "/");
        driver.findElement(By.cssSelector("main a[href='/commitments']")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/commitments"));
        WebElement picture = driver.findElement(By.cssSelector("figure.matrix svg#commitment-matrix"));
        assertTrue(picture.isDisplayed() && picture.getSize().getHeight() > 100, "drawn: " + picture.getSize());
        assertEquals(7, driver.findElements(By.cssSelector("section.due-year ol.commitment-list > li")).size(),
                "six commitments, one of them led by two ministries and listed under each");

        new Select(driver.findElement(By.cssSelector("form.filters select[name=ministry]")))
                .selectByValue("meti");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("ministry=meti"));
        assertEquals(List.of("fy-2022", "fy-2023"), driver.findElements(By.cssSelector("section.due-year")).stream()
                .map(s -> s.getDomAttribute("id")).toList());
        assertTrue(driver.findElement(By.cssSelector("p.selection")).getText().contains("ministry: 経済産業省"));
        chromium.screenshot("commitments");

        WebElement march = driver.findElement(By.cssSelector("#fy-2022 ol.commitment-list > li"));
        assertTrue(march.getText().contains("2023年3月までに指針を改定する。"), march.getText());
        march.findElement(By.cssSelector("a.block")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/id/measure/plan-doc/5#statement-1"));

        WebElement sentence = driver.findElement(By.cssSelector("blockquote.measure-text span.statement#statement-1"));
        assertEquals("statement commitment", sentence.getDomAttribute("class"));
        WebElement label = sentence.findElement(By.cssSelector("a.kind"));
        assertEquals("今後", label.getText());
        assertTrue(label.isDisplayed());
        assertEquals("期限 2023年3月", sentence.findElement(By.cssSelector("span.time.due")).getText());
        assertEquals("statement-1", ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector(':target').id;"), "the sentence is the page's target");
        String background = sentence.getCssValue("background-color");
        assertTrue(!background.equals("rgba(0, 0, 0, 0)"), "coloured by its kind: " + background);
        chromium.screenshot("measure-sentences");
        label.click();
        wait.until(ExpectedConditions.urlToBe(base + "/id/statement/plan-doc/5/1"));
        assertEquals(List.of(), chromium.consoleErrors(), "no CSP violation, no call to another host");
    }
}

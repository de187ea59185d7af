package org.hmskg.serve;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.hmskg.serve.data.Published;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (so that Selenium Manager never reaches the
 * network), with a fresh profile, for the browser tests.
 */
final class Chromium implements AutoCloseable {
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final String CHROMIUM = "/usr/bin/chromium";

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.profile = profile;
    }

    /** Whether the driver is installed; the browser tests are skipped without it. */
    static boolean available() {
        return CHROMEDRIVER.canExecute();
    }

    static String absent() {
        return "browser test skipped: " + CHROMEDRIVER + " is absent (apt-get install chromium chromium-driver)";
    }

    static Chromium start() throws IOException {
        Path profile = Files.createTempDirectory("hmskg-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** Console errors since the last call, other than the missing favicon: CSP violations, blocked hosts, scripts. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("favicon.ico"))
                .toList();
    }

    /** With -Dbrowser.screenshots=DIR, saves what the browser shows, for a person to look at; else nothing. */
    void screenshot(String name) {
        if (System.getProperty("browser.screenshots") == null) {
            return;
        }
        try {
            Path dir = Path.of(System.getProperty("browser.screenshots"));
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        Published.deleteTree(profile);
    }
}

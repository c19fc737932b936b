package dev.llmuptime.aggregator;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium for the page tests: Debian's chromium and chromium-driver, which .ci/run installs.
 * Registered as a field with {@code @RegisterExtension}, the one it opens is quit after the test.
 */
final class Chromium implements AfterEachCallback {

    private ChromeDriver opened;

    /** Chromium for this test, quit after it; its profile under {@code work}. */
    ChromeDriver open(Path work) {
        opened = start(work);
        return opened;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (opened != null) {
            opened.quit();
        }
    }

    /** Chromium with its console log kept, its profile under {@code work}. */
    static ChromeDriver start(Path work) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + work.resolve("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    /** The console's errors so far: failed loads, script errors, blocked content. */
    static List<LogEntry> consoleErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }
}

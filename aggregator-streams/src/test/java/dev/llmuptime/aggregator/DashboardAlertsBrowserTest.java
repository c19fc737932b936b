package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's alerts panel, range selector, region rows and outcome breakdown, and the incident
 * page, in a real headless Chromium: what an operator sees and clicks, markup in names and messages
 * shown as text and never run, and no console error.
 */
@ExtendWith(SharedKafka.class)
class DashboardAlertsBrowserTest {

    @RegisterExtension
    final RunningAggregator aggregator = new RunningAggregator();

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @Test
    void panelRangeRegionsOutcomesAndIncidentPage(KafkaCluster kafka, @TempDir Path work) throws Exception {
        AlertsFixture.feed(kafka, aggregator.start(kafka, work.resolve("state")), Instant.now());
        String base = aggregator.baseUrl();
        HttpClient http = HttpClient.newHttpClient();
        // The page comes once the active stores answer: a copy still restoring says "stale": true.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            HttpResponse<String> summary = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/targets/sim-multi/summary")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> targets = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/targets"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return summary.body().contains("\"all\":{\"region\":\"*\",\"count\":5")
                    && !summary.body().contains("\"stale\"") && targets.statusCode() == 200;
        });

        ChromeDriver browser = chromium.open(work);
        browser.get(base + "/?target=sim-multi");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        wait.until(driver -> driver.findElements(By.cssSelector("#alerts tbody tr")).size() == 4);
        List<WebElement> alerts = browser.findElements(By.cssSelector("#alerts tbody tr"));
        assertThat(alerts).extracting(row -> row.getAttribute("data-state"))
                .containsExactly("silenced", "acknowledged", "firing", "resolved");
        assertThat(alerts.get(2).findElement(By.className("summary")).getText())
                .isEqualTo(AlertsFixture.MARKUP_SUMMARY);
        assertThat(alerts.get(2).getText()).contains("sim-multi (" + AlertsFixture.MODEL + ")", "ongoing");
        assertThat(browser.findElements(By.cssSelector("#alerts b, #alerts i, #targets i"))).as("markup as text")
                .isEmpty();
        assertThat(browser.findElement(By.id("alerts-counts")).getText())
                .isEqualTo("3 active, 1 resolved in the last 24 h");

        // The region rows and outcomes of the target the address selects, over the default day.
        wait.until(driver -> driver.findElements(By.cssSelector("#regions tbody tr")).size() == 3);
        assertThat(browser.findElement(By.id("chart-target")).getText()).isEqualTo("sim-multi");
        assertThat(browser.findElements(By.cssSelector("#regions tbody tr")))
                .extracting(row -> row.getAttribute("data-region")).containsExactly("*", "eu-west", "us-east");
        List<WebElement> europe = browser.findElements(By.cssSelector("#regions tr[data-region='eu-west'] td"));
        assertThat(europe.get(0).getText()).isEqualTo("eu-west");
        assertThat(europe.get(1).getText()).isEqualTo("3");
        assertThat(europe.get(2).getText()).isEqualTo("66.67 %");
        assertThat(europe.get(5).getText()).isEqualTo("SUCCESS 2 · TIMEOUT 1");
        assertThat(browser.findElements(By.cssSelector("#outcomes tbody tr")))
                .extracting(row -> row.getAttribute("data-outcome"))
                .containsExactly("SUCCESS", "SERVER_ERROR", "TIMEOUT");
        assertThat(browser.findElements(By.cssSelector("#outcomes tr[data-outcome='SUCCESS'] td")))
                .extracting(WebElement::getText).containsExactly("SUCCESS", "3", "60.0 %");

        // The range selector: each range draws its own window size, and the address keeps it.
        WebElement charts = browser.findElement(By.id("charts"));
        wait.until(driver -> "5m".equals(charts.getAttribute("data-window")));
        assertThat(browser.findElement(By.id("range-title")).getText()).isEqualTo("Last 24 hours");
        browser.findElement(By.cssSelector("#range button[data-range='1h']")).click();
        wait.until(driver -> "1m".equals(charts.getAttribute("data-window")));
        assertThat(browser.findElement(By.id("range-title")).getText()).isEqualTo("Last hour");
        browser.findElement(By.cssSelector("#range button[data-range='7d']")).click();
        wait.until(driver -> "1h".equals(charts.getAttribute("data-window")));
        assertThat(browser.findElement(By.id("range-title")).getText()).isEqualTo("Last 7 days");
        assertThat(browser.findElement(By.cssSelector("#range button[data-range='7d']")).getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(browser.getCurrentUrl()).contains("range=7d", "target=sim-multi");
        assertThat(browser.findElement(By.cssSelector("#latency-chart .u-title")).getText())
                .isEqualTo("Latency of up probes (ms), 1h windows");
        assertThat(browser.findElement(By.cssSelector("#regions tr[data-region='*'] td:nth-child(2)")).getText())
                .isEqualTo("5");
        assertThat(Chromium.consoleErrors(browser)).as("browser console errors on the dashboard").isEmpty();

        // The incident page, from the panel's link: facts, timeline and evidence.
        browser.findElement(By.cssSelector("#alerts tr[data-alert='" + AlertsFixture.FIRING + "'] a.incident-link"))
                .click();
        wait.until(driver -> driver.findElements(By.cssSelector("#timeline li")).size() == 3);
        assertThat(browser.getCurrentUrl()).endsWith("/incidents/down%3Asim-multi%3A1");
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(AlertsFixture.MARKUP_SUMMARY);
        assertThat(browser.findElement(By.cssSelector("dd[data-fact='state']")).getText()).isEqualTo("firing");
        assertThat(browser.findElement(By.cssSelector("dd[data-fact='model']")).getText())
                .isEqualTo("openai · " + AlertsFixture.MODEL);
        assertThat(browser.findElement(By.cssSelector("dd[data-fact='endsAt']")).getText()).isEqualTo("ongoing");
        assertThat(browser.findElements(By.cssSelector("#timeline li")))
                .extracting(step -> step.getAttribute("data-kind")).containsExactly("fired", "reminded", "escalated");
        List<WebElement> evidence = browser.findElements(By.cssSelector("#evidence tbody tr"));
        assertThat(evidence).extracting(row -> row.getAttribute("data-probe")).containsExactly("probe-1", "probe-2");
        List<WebElement> first = evidence.get(0).findElements(By.tagName("td"));
        assertThat(first).extracting(WebElement::getText).containsSubsequence("us-east", "SERVER_ERROR", "503",
                "overloaded", "req-us-1", AlertsFixture.MARKUP_MESSAGE, "probe-1");
        assertThat(evidence.get(1).findElement(By.className("request-id")).getText()).isEqualTo("–");
        assertThat(browser.findElements(By.cssSelector("#incident img, #incident b, #incident i"))).isEmpty();
        assertThat(browser.executeScript("return window.injected === undefined")).isEqualTo(true);
        assertThat(browser.findElement(By.id("updated")).getText()).startsWith("updated");
        assertThat(browser.findElement(By.tagName("body")).getText())
                .doesNotContain(StatusHttpTest.API_KEY, StatusHttpTest.BASE_URL_HOST);
        assertThat(Chromium.consoleErrors(browser)).as("browser console errors on the incident page").isEmpty();
    }
}

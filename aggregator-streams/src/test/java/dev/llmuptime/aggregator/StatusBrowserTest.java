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

/**
 * The public status page in a real headless Chromium, as a visitor sees it: the overall state, a
 * card per model under its provider with 90 daily bars, the incidents, and no console error (a
 * blocked style or asset would show as one under the page's content security policy); then a badge.
 */
@ExtendWith(SharedKafka.class)
class StatusBrowserTest {

    @RegisterExtension
    final RunningAggregator aggregator = new RunningAggregator();

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @Test
    void pageShowsStatesBarsAndIncidentsWithoutConsoleErrors(KafkaCluster kafka, @TempDir Path work)
            throws Exception {
        StatusHttpTest.Topics topics = aggregator.startBeforeAlertsTopic(kafka, work.resolve("state"));
        // Created after the aggregator started, as when the alert consumer starts later: the reader waits for it.
        kafka.createTopics(2, topics.alerts());
        StatusHttpTest.feed(kafka, topics, Instant.now());
        String page = aggregator.baseUrl() + "/status";
        // Server-rendered: the browser comes once the stats and the incidents have arrived (503 while starting).
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            String html = http.send(HttpRequest.newBuilder(URI.create(page)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return html.contains("Some systems down") && html.contains("down on sim-down")
                    && html.contains("resolved: down on sim-chat");
        });
        ChromeDriver browser = chromium.open(work);
        browser.get(page);

        assertThat(browser.getTitle()).isEqualTo("Status");
        assertThat(browser.findElement(By.id("overall")).getText()).isEqualTo("Some systems down");
        assertThat(browser.findElement(By.id("overall")).isDisplayed()).isTrue();
        WebElement provider = browser.findElement(By.cssSelector("section.provider"));
        assertThat(provider.findElement(By.tagName("h2")).getText()).isEqualTo("openai-compatible");
        List<WebElement> targets = provider.findElements(By.cssSelector("article.target"));
        assertThat(targets).extracting(target -> target.findElement(By.tagName("h3")).getText())
                .containsExactly("sim-large chat", "sim-small chat");
        assertThat(targets).extracting(target -> target.findElement(By.className("state")).getText())
                .containsExactly("Down", "Operational");
        List<WebElement> bars = targets.get(1).findElements(By.className("bar"));
        assertThat(bars).hasSize(90);
        assertThat(bars.get(89).getAttribute("class")).isEqualTo("bar u-excellent");
        assertThat(bars.get(0).getAttribute("class")).isEqualTo("bar u-no-data");
        assertThat(bars.get(89).getSize().getHeight()).as("the stylesheet is applied").isPositive();
        assertThat(bars.get(89).getCssValue("background-color")).isEqualTo("rgba(68, 204, 17, 1)");
        assertThat(targets.get(1).findElement(By.className("uptime")).getText())
                .isEqualTo("uptime over 30 days: 100%");

        List<WebElement> incidents = browser.findElements(By.cssSelector("li.incident"));
        assertThat(incidents).hasSize(2);
        assertThat(incidents.get(0).getText()).startsWith("Ongoing").contains("down on sim-down");
        assertThat(incidents.get(1).getText()).startsWith("Resolved").contains("(12 min)");
        assertThat(browser.findElement(By.tagName("body")).getText())
                .doesNotContain(StatusHttpTest.API_KEY, StatusHttpTest.BASE_URL_HOST);
        assertThat(Chromium.consoleErrors(browser)).as("browser console errors").isEmpty();

        // A badge, opened alone: an SVG document whose texts are the label and the value. (Chromium then
        // asks for /favicon.ico, which the aggregator does not serve: the console is not checked here.)
        browser.get(aggregator.baseUrl() + "/badges/sim-down/status.svg");
        assertThat(browser.findElements(By.tagName("text"))).extracting(WebElement::getText)
                .containsExactly("status", "status", "down", "down");
        assertThat(browser.findElement(By.tagName("svg")).getSize().getHeight()).isEqualTo(20);
    }
}

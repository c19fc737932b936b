package dev.llmuptime.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmuptime.ops.Metrics;
import dev.llmuptime.schema.BackoffReasons;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, which
 * .ci/run installs): it loads without console errors, lists the targets and draws its charts.
 */
@ExtendWith(SharedKafka.class)
class DashboardBrowserTest {

    @TempDir
    Path work;

    @Test
    void pageListsTargetsAndDrawsChartsWithoutConsoleErrors(KafkaCluster kafka) throws Exception {
        String results = kafka.uniqueName("llm.probe.results");
        AggregatorService service = new AggregatorService(AggregatorServiceTest.config(kafka, results,
                work.resolve("state")), "127.0.0.1", Clock.systemUTC(), Metrics.newRegistry("aggregator"));
        ChromeDriver browser = null;
        try {
            service.start();
            Instant now = Instant.now();
            try (KafkaProducer<String, ProbeResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    kafka.bootstrapServers()), new StringSerializer(), new ProbeResultSerde().serializer())) {
                for (ProbeResult result : List.of(
                        StatsTopologyTest.result("sim-chat", "local", now.minusSeconds(4), Outcome.SUCCESS, 300L, 90L),
                        StatsTopologyTest.result("sim-chat", "local", now.minusSeconds(2), Outcome.SUCCESS, 340L, 95L),
                        StatsTopologyTest.result("sim-embed", "local", now.minusSeconds(3), Outcome.SERVER_ERROR, 20L, null),
                        StatsTopologyTest.backoff(StatsTopologyTest.result("sim-embed", "local", now.minusSeconds(1),
                                Outcome.SERVER_ERROR, 20L, null), BackoffReasons.RETRY_AFTER, now.plusSeconds(600)))) {
                    producer.send(new ProducerRecord<>(results, null, result.getStartedAt().toEpochMilli(),
                            result.getTargetId(), result)).get();
                }
            }
            String base = "http://127.0.0.1:" + service.httpPort();
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/targets")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("retry-after"));

            browser = Chromium.start(work);
            browser.get(base + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(driver -> driver.findElements(By.cssSelector("#targets tbody tr")).size() == 2);
            List<WebElement> rows = browser.findElements(By.cssSelector("#targets tbody tr"));
            assertThat(rows).extracting(row -> row.getAttribute("data-target")).containsExactly("sim-chat", "sim-embed");
            assertThat(rows).extracting(row -> row.getAttribute("data-status")).containsExactly("up", "down");
            assertThat(rows.get(0).findElements(By.tagName("td"))).extracting(WebElement::getText)
                    .contains("100.00 %").doesNotContain("–");
            assertThat(rows.get(0).findElements(By.cssSelector(".backoff"))).isEmpty();
            assertThat(rows.get(1).findElement(By.cssSelector(".backoff-retry-after")).getText())
                    .startsWith("probing paused by Retry-After until ");
            assertThat(browser.executeScript("return window.LlmDashboard.backoffText("
                    + "{reason: 'breaker', until: '2026-01-01T00:00:10Z'}, Date.parse('2026-01-01T00:00:00Z'))"))
                    .asString().startsWith("breaker open: next probe at ");
            assertThat(browser.executeScript("return window.LlmDashboard.backoffText("
                    + "{reason: 'breaker', until: '2026-01-01T00:00:10Z'}, Date.parse('2026-01-01T00:00:10Z'))"))
                    .as("over once its time has passed").isNull();

            wait.until(driver -> driver.findElements(By.cssSelector("#latency-chart canvas")).size() == 1
                    && driver.findElements(By.cssSelector("#uptime-chart canvas")).size() == 1);
            WebElement canvas = browser.findElement(By.cssSelector("#latency-chart canvas"));
            assertThat(canvas.getSize().getWidth()).isPositive();
            assertThat(browser.findElement(By.id("chart-target")).getText()).isEqualTo("sim-chat");
            assertThat(browser.findElement(By.id("updated")).getText()).startsWith("updated");

            assertThat(Chromium.consoleErrors(browser)).as("browser console errors").isEmpty();
        } finally {
            if (browser != null) {
                browser.quit();
            }
            service.close();
        }
    }
}

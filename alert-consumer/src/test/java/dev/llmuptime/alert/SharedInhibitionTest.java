package dev.llmuptime.alert;

import static dev.llmuptime.alert.StatsFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.Outcome;
import dev.llmuptime.testkit.KafkaCluster;
import dev.llmuptime.testkit.SharedKafka;
import dev.llmuptime.testkit.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inhibition on a real broker: provider-down fires from the firing alerts the alert consumer reads back
 * from its state topic, the alert that follows is recorded held in the alerts topic and not delivered,
 * and it is delivered once provider-down resolves.
 */
@ExtendWith(SharedKafka.class)
class SharedInhibitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void providerDownHoldsTheAlertThatFollowsAndReleasesItWhenItResolves(KafkaCluster kafka) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(); ApiServices services = new ApiServices(kafka)) {
            run(receiver, services);
        }
    }

    private static void run(WebhookReceiver receiver, ApiServices services) throws Exception {
        MonitorConfig config = services.config(receiver.url(), """
                probes:
                  targets:
                    - {id: openai-a, model: gpt-4o-mini}
                    - {id: openai-b, model: gpt-4o}
                    - {id: openai-c, model: gpt-4.1}
                """);
        AlertService service = services.start(config, Clock.systemUTC());
        ApiClient api = new ApiClient(service.opsPort(), ApiServices.TOKEN);

        services.sendStats(config, probe("openai-a", Outcome.TIMEOUT, 2, 0), probe("openai-b", Outcome.TIMEOUT, 2, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(receiver).size() == 3);
        assertThat(delivered(receiver))
                .extracting(alert -> alert.path("rule").asText(), alert -> alert.path("targetId").asText())
                .containsExactlyInAnyOrder(tuple("down", "openai-a"), tuple("down", "openai-b"),
                        tuple("provider-down", "openai"));
        String downId = delivered(receiver).stream()
                .filter(alert -> alert.path("rule").asText().equals("provider-down")).findFirst().orElseThrow()
                .path("alertId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/alerts").items("alerts").stream()
                .anyMatch(alert -> alert.path("alertId").asText().equals(downId)));

        services.sendStats(config, probe("openai-c", Outcome.TIMEOUT, 2, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> recordsOf(services, config, "openai-c").size() == 1);
        ConsumerRecord<String, byte[]> held = recordsOf(services, config, "openai-c").get(0);
        assertThat(header(held, NoticeHeaders.HELD)).containsExactly("inhibited:" + downId);
        assertThat(header(held, NoticeHeaders.NOTIFY)).isEmpty();
        String heldId = ApiServices.event(held).getAlertId();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> delivered(receiver).size() == 3);

        services.sendStats(config, probe("openai-a", Outcome.SUCCESS, 0, 1), probe("openai-b", Outcome.SUCCESS, 0, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(receiver).size() == 7);
        assertThat(delivered(receiver).subList(3, 7)).extracting(alert -> alert.path("alertId").asText(),
                alert -> alert.path("status").asText()).containsExactlyInAnyOrder(tuple(downId, "RESOLVED"),
                tuple(heldId, "FIRING"), tuple(idOf(receiver, "openai-a"), "RESOLVED"),
                tuple(idOf(receiver, "openai-b"), "RESOLVED"));
        WebhookReceiver.Request released = receiver.delivered().stream()
                .filter(request -> request.body().contains(heldId)).findFirst().orElseThrow();
        assertThat(released.header("Idempotency-Key")).isEqualTo(heldId + ":FIRING");
        assertThat(header(recordsOf(services, config, "openai-c").get(1), NoticeHeaders.KIND))
                .containsExactly("release");
    }

    private static List<JsonNode> delivered(WebhookReceiver receiver) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (WebhookReceiver.Request request : receiver.delivered()) {
            bodies.add(JSON.readTree(request.body()));
        }
        return bodies;
    }

    private static String idOf(WebhookReceiver receiver, String target) throws Exception {
        return delivered(receiver).stream().filter(alert -> alert.path("targetId").asText().equals(target)).findFirst()
                .orElseThrow().path("alertId").asText();
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOf(ApiServices services, MonitorConfig config,
            String target) {
        return services.alertRecords(config).stream().filter(record -> record.key().equals(target)).toList();
    }

    private static List<String> header(ConsumerRecord<String, byte[]> record, String key) {
        List<String> values = new ArrayList<>();
        for (Header header : record.headers().headers(key)) {
            values.add(new String(header.value(), StandardCharsets.UTF_8));
        }
        return values;
    }
}

package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.llmuptime.config.CloudWatchExport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * CloudWatch export against an in-process endpoint set through {@code endpoint}: the SDK's client
 * sends {@code PutMetricData} in Smithy RPC v2 CBOR, which this endpoint decodes and answers.
 */
class CloudWatchExportTest {

    private static final CBORMapper CBOR = new CBORMapper();
    // An empty CBOR map: PutMetricData's output has no members.
    private static final RecordingEndpoint.Reply OK = new RecordingEndpoint.Reply(200,
            Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"), new byte[] {(byte) 0xA0});

    @Test
    void putsMetricDataInTheNamespaceWithTagsAsDimensions() throws Exception {
        try (RecordingEndpoint endpoint = RecordingEndpoint.start(request -> OK)) {
            CloudWatchExport export = new CloudWatchExport("LLMUptime", "eu-west-1", endpoint.uri(""),
                    Duration.ofSeconds(1));
            CloudWatchRegistry registry = CloudWatchRegistry.create(export,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-real-secret")));
            try {
                AtomicReference<Double> uptime = new AtomicReference<>(0.5);
                Gauge.builder("llm.target.uptime", uptime, AtomicReference::get).tags("target", "chat-a", "range", "1h")
                        .register(registry);
                Counter.builder("llm.probes").tags("target", "chat-a", "outcome", "TIMEOUT").register(registry)
                        .increment(4);

                await().atMost(Duration.ofSeconds(30)).until(() -> datum(endpoint, "llm.target.uptime").isPresent()
                        && probesOfTimeout(endpoint).isPresent());
            } finally {
                registry.close();
            }

            RecordingEndpoint.Request put = endpoint.requests().get(0);
            assertThat(put.method()).isEqualTo("POST");
            assertThat(put.path()).endsWith("/operation/PutMetricData");
            assertThat(put.header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
            assertThat(put.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    .contains("/eu-west-1/monitoring/aws4_request");
            assertThat(decode(put).path("Namespace").asText()).isEqualTo("LLMUptime");
            JsonNode uptime = datum(endpoint, "llm.target.uptime").orElseThrow();
            assertThat(uptime.path("Value").asDouble()).isEqualTo(0.5);
            assertThat(uptime.path("MetricName").asText()).isEqualTo("llm.target.uptime.value");
            assertThat(probesOfTimeout(endpoint).orElseThrow().path("MetricName").asText()).isEqualTo("llm.probes.count");
            assertThat(dimensions(uptime)).containsEntry("target", "chat-a").containsEntry("range", "1h");
            assertThat(dimensions(probesOfTimeout(endpoint).orElseThrow())).containsEntry("target", "chat-a");
        }
    }

    /** The step in which the four probes were counted. */
    private static Optional<JsonNode> probesOfTimeout(RecordingEndpoint endpoint) {
        return data(endpoint, "llm.probes").filter(datum -> datum.path("Value").asDouble() == 4.0
                && "TIMEOUT".equals(dimensions(datum).get("outcome"))).findFirst();
    }

    /** The latest datum whose name starts with {@code name} (CloudWatch's names add the statistic, e.g. ".count"). */
    private static Optional<JsonNode> datum(RecordingEndpoint endpoint, String name) {
        return data(endpoint, name).reduce((first, later) -> later);
    }

    private static Stream<JsonNode> data(RecordingEndpoint endpoint, String name) {
        return endpoint.requests().stream().map(CloudWatchExportTest::decode)
                .flatMap(put -> StreamSupport.stream(put.path("MetricData").spliterator(), false))
                .filter(datum -> datum.path("MetricName").asText().startsWith(name));
    }

    private static Map<String, String> dimensions(JsonNode datum) {
        Map<String, String> dimensions = new HashMap<>();
        datum.path("Dimensions").forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
        return dimensions;
    }

    private static JsonNode decode(RecordingEndpoint.Request request) {
        try {
            return CBOR.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

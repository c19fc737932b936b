package dev.llmuptime.probe;

import dev.llmuptime.config.ConfigLoader;
import dev.llmuptime.config.MonitorConfig;
import dev.llmuptime.schema.ProbeResult;
import dev.llmuptime.schema.ProbeResultSerde;
import dev.llmuptime.testkit.TopicReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Helpers for tests that run the whole prober: its config, its HTTP endpoints, and reading its topic. */
final class ServiceFixture {

    /** The API key of the {@code stream} target. */
    static final String API_KEY = "sk-fixture-secret-0042";
    /** The value of a header the {@code stream} target sends, as a gateway's token would be. */
    static final String HEADER_SECRET = "gw-fixture-secret-0042";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceFixture() {
    }

    static MonitorConfig config(String bootstrapServers, String topic, String simBaseUrl, String interval) {
        return new ConfigLoader(name -> null).parse("""
                kafka:
                  bootstrap-servers: %s
                  topics: {probe-results: %s}
                  partitions: 2
                probes:
                  region: it
                  http-port: 0
                  targets:
                    - {id: stream, provider: openai-compatible, base-url: "%s", model: sim-small, check: chat-stream, interval: %s, api-key: "sk-fixture-secret-0042", headers: {x-gateway-token: "gw-fixture-secret-0042"}}
                    - {id: chat, provider: openai-compatible, base-url: "%s", model: sim-large, check: chat, interval: %s}
                    - {id: missing, provider: openai-compatible, base-url: "%s", model: gpt-9, check: chat, interval: %s}
                """.formatted(bootstrapServers, topic, simBaseUrl, interval, simBaseUrl, interval, simBaseUrl,
                interval), "test.yaml");
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sum of every series of a counter. */
    static double counter(MeterRegistry registry, String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Every probe result of {@code topic}, duplicates included, once {@code expected} arrived or a minute passed. */
    static List<ConsumerRecord<String, ProbeResult>> readAll(String bootstrapServers, String topic, long expected) {
        return TopicReader.readUntil(bootstrapServers, topic, new StringDeserializer(),
                new ProbeResultSerde().deserializer(), Math.toIntExact(expected), Duration.ofSeconds(60));
    }
}

package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.llmuptime.config.OtlpExport;
import dev.llmuptime.config.Secret;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** OTLP export against an in-process receiver that decodes the protobuf it is sent. */
class OtlpExportTest {

    private static final String TOKEN = "otlp-secret-token-31";
    private static final RecordingEndpoint.Reply OK = new RecordingEndpoint.Reply(200,
            Map.of("Content-Type", "application/x-protobuf"), new byte[0]);

    @Test
    void pushesGaugesAndCountersWithTheirTagsAndTheConfiguredHeaders() throws Exception {
        try (RecordingEndpoint receiver = RecordingEndpoint.start(request -> OK)) {
            OtlpMeterRegistry registry = OtlpRegistry.create("aggregator-streams", export(receiver.uri("/v1/metrics")));
            try {
                AtomicReference<Double> uptime = new AtomicReference<>(0.75);
                Gauge.builder("llm.target.uptime", uptime, AtomicReference::get).tags("target", "chat-a", "range", "1h")
                        .register(registry);
                Counter.builder("llm.probes").tags("target", "chat-a", "outcome", "SUCCESS").register(registry)
                        .increment(3);

                await().atMost(Duration.ofSeconds(20)).until(() -> point(receiver, "llm.probes").isPresent()
                        && point(receiver, "llm.target.uptime").isPresent());
            } finally {
                registry.close();
            }

            NumberDataPoint uptime = point(receiver, "llm.target.uptime").orElseThrow();
            assertThat(uptime.getAsDouble()).isEqualTo(0.75);
            assertThat(attributes(uptime.getAttributesList())).containsEntry("target", "chat-a").containsEntry("range", "1h");
            NumberDataPoint probes = point(receiver, "llm.probes").orElseThrow();
            assertThat(probes.getAsDouble()).isEqualTo(3.0);
            assertThat(attributes(probes.getAttributesList())).containsEntry("outcome", "SUCCESS");
            RecordingEndpoint.Request request = receiver.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/metrics");
            assertThat(request.header("x-api-key")).isEqualTo(TOKEN);
            assertThat(attributes(decode(request).getResourceMetrics(0).getResource().getAttributesList()))
                    .containsEntry("service.name", "aggregator-streams");
        }
    }

    @Test
    void headerSecretsNeverReachLogsOrMetricsWhenTheCollectorFails() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        RecordingEndpoint.Reply refused = new RecordingEndpoint.Reply(401, Map.of("Content-Type", "text/plain"),
                "bad credentials".getBytes());
        RecordingEndpoint gone = RecordingEndpoint.start(request -> OK);
        // A collector that is not there at all: the error is about the connection, never the headers.
        URI nowhere = gone.uri("/v1/metrics");
        gone.close();
        try (RecordingEndpoint receiver = RecordingEndpoint.start(request -> refused)) {
            OtlpMeterRegistry failing = OtlpRegistry.create("probe-producer", export(receiver.uri("/v1/metrics")));
            OtlpMeterRegistry unreachable = OtlpRegistry.create("probe-producer", export(nowhere));
            try {
                failing.counter("llm.probes", "target", "chat-a").increment();
                unreachable.counter("llm.probes", "target", "chat-a").increment();
                await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.requests().isEmpty()
                        && logged(logs, "401") && logged(logs, "127.0.0.1:" + nowhere.getPort()));
            } finally {
                failing.close();
                unreachable.close();
                root.detachAppender(logs);
            }
            assertThat(receiver.requests().get(0).header("x-api-key")).as("the secret was sent").isEqualTo(TOKEN);
            assertThat(logs.list).allSatisfy(event -> assertThat(text(event)).doesNotContain(TOKEN));
            assertThat(failing.getMeters()).allSatisfy(meter -> assertThat(meter.getId().toString()).doesNotContain(TOKEN));
            assertThat(export(nowhere).toString()).doesNotContain(TOKEN);
        }
    }

    private static boolean logged(ListAppender<ILoggingEvent> logs, String fragment) {
        return logs.list.stream().anyMatch(event -> text(event).contains(fragment));
    }

    private static String text(ILoggingEvent event) {
        return event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }

    private static OtlpExport export(URI url) {
        return new OtlpExport(url, Duration.ofSeconds(1), Map.of("x-api-key", Secret.of(TOKEN)));
    }

    private static Optional<NumberDataPoint> point(RecordingEndpoint receiver, String name) {
        return receiver.requests().stream().map(OtlpExportTest::decode)
                .flatMap(request -> request.getResourceMetricsList().stream())
                .flatMap(resource -> resource.getScopeMetricsList().stream())
                .flatMap(scope -> scope.getMetricsList().stream())
                .filter(metric -> metric.getName().equals(name))
                .flatMap(OtlpExportTest::points).reduce((first, later) -> later);
    }

    private static Stream<NumberDataPoint> points(Metric metric) {
        return switch (metric.getDataCase()) {
            case GAUGE -> metric.getGauge().getDataPointsList().stream();
            case SUM -> metric.getSum().getDataPointsList().stream();
            default -> Stream.empty();
        };
    }

    private static ExportMetricsServiceRequest decode(RecordingEndpoint.Request request) {
        try {
            return ExportMetricsServiceRequest.parseFrom(request.body());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not an OTLP protobuf request", e);
        }
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey,
                attribute -> attribute.getValue().getStringValue()));
    }
}

package dev.llmuptime.ops;

import dev.llmuptime.config.OtlpExport;
import dev.llmuptime.config.Secret;
import io.micrometer.core.instrument.Clock;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A registry pushing OTLP over HTTP as the {@code metrics.otlp} section says, and nothing from OTEL_* variables. */
final class OtlpRegistry {

    private OtlpRegistry() {
    }

    static OtlpMeterRegistry create(String service, OtlpExport export) {
        return new OtlpMeterRegistry(new Settings(service, export), Clock.SYSTEM);
    }

    /** Every setting the section has, given here, so that the OTEL_* environment cannot add to it unseen. */
    private record Settings(String service, OtlpExport export) implements OtlpConfig {

        @Override
        public String get(String key) {
            return null;
        }

        @Override
        public String url() {
            return export.url().toString();
        }

        @Override
        public Duration step() {
            return export.step();
        }

        @Override
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            export.headers().forEach((name, value) -> headers.put(name, value.reveal()));
            return headers;
        }

        @Override
        public Map<String, String> resourceAttributes() {
            return Map.of("service.name", service);
        }

        @Override
        public String toString() {
            return "otlp to " + export.url() + " every " + export.step() + " with headers "
                    + export.headers().keySet();
        }
    }
}

package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Pushes meters as OTLP over HTTP (protobuf) to {@code url}, every {@code step}. {@code headers}
 * (e.g. a collector's API key) are secrets: they are sent, never shown.
 */
public record OtlpExport(
        @JsonProperty("url") URI url,
        @JsonProperty("step") Duration step,
        @JsonProperty("headers") Map<String, Secret> headers) {

    public OtlpExport {
        url = Check.httpUrl("url", Check.required("url", url));
        step = Check.positive("step", step, Duration.ofMinutes(1));
        headers = RequestHeaders.check("headers", headers);
    }
}

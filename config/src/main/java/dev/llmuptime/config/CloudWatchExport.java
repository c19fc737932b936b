package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Pushes meters to Amazon CloudWatch with {@code PutMetricData} every {@code step}, under
 * {@code namespace} in {@code region}; credentials come from the AWS default chain (environment,
 * profile, container or instance role). {@code endpoint} replaces CloudWatch's own, e.g. for a VPC
 * endpoint or a local emulator.
 */
public record CloudWatchExport(
        @JsonProperty("namespace") String namespace,
        @JsonProperty("region") String region,
        @JsonProperty("endpoint") URI endpoint,
        @JsonProperty("step") Duration step) {

    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9.\\-_/#:]{1,255}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+");

    public CloudWatchExport {
        namespace = Check.requiredText("namespace", namespace);
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new InvalidValueException("namespace", "'" + namespace
                    + "' must be 1 to 255 letters, digits or . - _ / # :");
        }
        if (namespace.startsWith("AWS/")) {
            throw new InvalidValueException("namespace", "'" + namespace + "' must not start with AWS/ (AWS's own)");
        }
        region = Check.requiredText("region", region);
        if (!REGION.matcher(region).matches()) {
            throw new InvalidValueException("region", "'" + region + "' is not an AWS region like us-east-1");
        }
        if (endpoint != null) {
            Check.httpUrl("endpoint", endpoint);
        }
        step = Check.positive("step", step, Duration.ofMinutes(1));
    }
}

package dev.llmuptime.ops;

import dev.llmuptime.config.CloudWatchExport;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClientBuilder;

/** A registry pushing to CloudWatch as the {@code metrics.cloudwatch} section says; it closes the client it made. */
final class CloudWatchRegistry extends CloudWatchMeterRegistry {

    private final CloudWatchAsyncClient client;

    private CloudWatchRegistry(CloudWatchConfig config, CloudWatchAsyncClient client) {
        super(config, Clock.SYSTEM, client);
        this.client = client;
    }

    static CloudWatchRegistry create(CloudWatchExport export, AwsCredentialsProvider credentials) {
        CloudWatchAsyncClientBuilder builder = CloudWatchAsyncClient.builder().region(Region.of(export.region()))
                .credentialsProvider(credentials);
        if (export.endpoint() != null) {
            builder.endpointOverride(export.endpoint());
        }
        return new CloudWatchRegistry(new Settings(export), builder.build());
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            client.close();
        }
    }

    private record Settings(CloudWatchExport export) implements CloudWatchConfig {

        @Override
        public String get(String key) {
            return null;
        }

        @Override
        public String namespace() {
            return export.namespace();
        }

        @Override
        public Duration step() {
            return export.step();
        }
    }
}

package dev.llmuptime.ops;

import com.google.cloud.monitoring.v3.MetricServiceSettings;
import dev.llmuptime.config.StackdriverExport;
import io.micrometer.stackdriver.StackdriverConfig;
import io.micrometer.stackdriver.StackdriverMeterRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;

/** A registry pushing to Google Cloud Monitoring as the {@code metrics.stackdriver} section says. */
final class StackdriverRegistry {

    private StackdriverRegistry() {
    }

    /** Google's endpoint with the application default credentials, found when the registry starts. */
    static Callable<MetricServiceSettings> defaultSettings() {
        return () -> MetricServiceSettings.newBuilder().build();
    }

    static StackdriverMeterRegistry create(StackdriverExport export, Callable<MetricServiceSettings> settings) {
        return StackdriverMeterRegistry.builder(new Settings(export)).metricServiceSettings(settings).build();
    }

    private record Settings(StackdriverExport export) implements StackdriverConfig {

        @Override
        public String get(String key) {
            return null;
        }

        @Override
        public String projectId() {
            return export.projectId();
        }

        @Override
        public Duration step() {
            return export.step();
        }
    }
}

package dev.llmuptime.ops;

import dev.llmuptime.config.MetricsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The registry of a service, with the JVM and process meters every operator expects: Prometheus
 * for {@code /metrics}, and the backends of the {@code metrics} section pushed to as well.
 */
public final class Metrics {

    private Metrics() {
    }

    /** Prometheus only. */
    public static PrometheusMeterRegistry newRegistry(String service) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return withServiceMeters(registry, service);
    }

    /** Prometheus and every backend {@code metrics} names; closing it sends a last push and stops them. */
    public static MeterRegistry newRegistry(String service, MetricsConfig metrics) {
        CompositeMeterRegistry registry = new CompositeMeterRegistry();
        registry.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        if (metrics.otlp() != null) {
            registry.add(OtlpRegistry.create(service, metrics.otlp()));
        }
        if (metrics.cloudwatch() != null) {
            registry.add(CloudWatchRegistry.create(metrics.cloudwatch(), DefaultCredentialsProvider.builder().build()));
        }
        if (metrics.stackdriver() != null) {
            registry.add(StackdriverRegistry.create(metrics.stackdriver(), StackdriverRegistry.defaultSettings()));
        }
        return withServiceMeters(registry, service);
    }

    /** The Prometheus registry {@code registry} is or holds, which {@code /metrics} renders. */
    public static PrometheusMeterRegistry scrapeable(MeterRegistry registry) {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return prometheus;
        }
        if (registry instanceof CompositeMeterRegistry composite) {
            for (MeterRegistry member : composite.getRegistries()) {
                if (member instanceof PrometheusMeterRegistry prometheus) {
                    return prometheus;
                }
            }
        }
        throw new IllegalArgumentException("no Prometheus registry in " + registry.getClass().getSimpleName());
    }

    private static <T extends MeterRegistry> T withServiceMeters(T registry, String service) {
        registry.config().commonTags("service", service);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }
}

package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.api.MetricDescriptor;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.monitoring.v3.MetricServiceSettings;
import com.google.monitoring.v3.CreateMetricDescriptorRequest;
import com.google.monitoring.v3.CreateTimeSeriesRequest;
import com.google.monitoring.v3.TimeSeries;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import dev.llmuptime.config.StackdriverExport;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.stackdriver.StackdriverMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cloud Monitoring export against an in-process gRPC MetricService (no network, no credentials):
 * the requests the registry makes are decoded and checked; what Google's endpoint, TLS and
 * credentials would do is not tested.
 */
class StackdriverExportTest {

    private static final String SERVICE = "google.monitoring.v3.MetricService";

    @Test
    void createsTimeSeriesInTheProjectWithTagsAsLabels() throws Exception {
        List<CreateTimeSeriesRequest> received = new CopyOnWriteArrayList<>();
        String name = InProcessServerBuilder.generateName();
        Server server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerServiceDefinition.builder(SERVICE)
                        .addMethod(unary("CreateTimeSeries", CreateTimeSeriesRequest.getDefaultInstance(),
                                Empty.getDefaultInstance()), ServerCalls.asyncUnaryCall((request, response) -> {
                                    received.add(request);
                                    response.onNext(Empty.getDefaultInstance());
                                    response.onCompleted();
                                }))
                        .addMethod(unary("CreateMetricDescriptor", CreateMetricDescriptorRequest.getDefaultInstance(),
                                MetricDescriptor.getDefaultInstance()), ServerCalls.asyncUnaryCall((request, response) -> {
                                    response.onNext(request.getMetricDescriptor());
                                    response.onCompleted();
                                }))
                        .build())
                .build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            StackdriverMeterRegistry registry = StackdriverRegistry.create(
                    new StackdriverExport("my-project", Duration.ofSeconds(1)),
                    () -> MetricServiceSettings.newBuilder().setCredentialsProvider(NoCredentialsProvider.create())
                            .setTransportChannelProvider(FixedTransportChannelProvider.create(
                                    GrpcTransportChannel.create(channel)))
                            .build());
            try {
                AtomicReference<Double> uptime = new AtomicReference<>(0.25);
                Gauge.builder("llm.target.uptime", uptime, AtomicReference::get).tags("target", "chat-a", "range", "1h")
                        .register(registry);
                await().atMost(Duration.ofSeconds(30)).until(() -> series(received, "uptime").isPresent());
            } finally {
                registry.close();
            }

            assertThat(received.get(0).getName()).isEqualTo("projects/my-project");
            TimeSeries uptime = series(received, "uptime").orElseThrow();
            assertThat(uptime.getMetric().getType()).isEqualTo("custom.googleapis.com/llm/target/uptime");
            assertThat(uptime.getMetric().getLabelsMap()).containsEntry("target", "chat-a").containsEntry("range", "1h");
            assertThat(uptime.getPoints(0).getValue().getDoubleValue()).isEqualTo(0.25);
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> unary(String method, Q request,
            R response) {
        return MethodDescriptor.<Q, R>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, method))
                .setRequestMarshaller(ProtoUtils.marshaller(request))
                .setResponseMarshaller(ProtoUtils.marshaller(response)).build();
    }

    private static Optional<TimeSeries> series(List<CreateTimeSeriesRequest> received, String name) {
        return received.stream().flatMap(request -> request.getTimeSeriesList().stream())
                .filter(series -> series.getMetric().getType().contains(name)).findFirst();
    }
}

package dev.llmuptime.probe;

import java.net.SocketAddress;
import java.time.Duration;
import reactor.netty.http.client.ContextAwareHttpClientMetricsRecorder;
import reactor.util.context.ContextView;

/**
 * Receives Reactor Netty's per-connection timings with the subscriber's context and writes the
 * connect and TLS handshake times into that probe's {@link ProbeTrace}. Everything else Reactor
 * Netty reports is measured by the prober itself, so it is ignored here.
 */
final class PhaseRecorder extends ContextAwareHttpClientMetricsRecorder {

    @Override
    public void recordConnectTime(ContextView context, SocketAddress remote, Duration time, String status) {
        context.getOrEmpty(ProbeTrace.class).ifPresent(trace -> ((ProbeTrace) trace).connectNanos = time.toNanos());
    }

    @Override
    public void recordTlsHandshakeTime(ContextView context, SocketAddress remote, Duration time, String status) {
        context.getOrEmpty(ProbeTrace.class).ifPresent(trace -> ((ProbeTrace) trace).tlsNanos = time.toNanos());
    }

    @Override
    public void recordDataReceivedTime(ContextView context, SocketAddress remote, String uri, String method,
            String status, Duration time) {
    }

    @Override
    public void recordDataSentTime(ContextView context, SocketAddress remote, String uri, String method, Duration time) {
    }

    @Override
    public void recordResponseTime(ContextView context, SocketAddress remote, String uri, String method, String status,
            Duration time) {
    }

    @Override
    public void incrementErrorsCount(ContextView context, SocketAddress remote, String uri) {
    }

    @Override
    public void recordDataReceived(ContextView context, SocketAddress remote, String uri, long bytes) {
    }

    @Override
    public void recordDataSent(ContextView context, SocketAddress remote, String uri, long bytes) {
    }

    @Override
    public void incrementErrorsCount(ContextView context, SocketAddress remote) {
    }

    @Override
    public void recordDataReceived(ContextView context, SocketAddress remote, long bytes) {
    }

    @Override
    public void recordDataSent(ContextView context, SocketAddress remote, long bytes) {
    }

    @Override
    public void recordResolveAddressTime(SocketAddress remote, Duration time, String status) {
    }
}

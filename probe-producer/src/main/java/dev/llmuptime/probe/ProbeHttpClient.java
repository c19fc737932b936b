package dev.llmuptime.probe;

import dev.llmuptime.config.Version;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The one HTTP client every probe shares, on a named connection pool. Connections are reused the
 * way a real API client reuses them; idle ones are retired before servers typically drop them,
 * so a probe never fails on a connection the server already closed.
 */
final class ProbeHttpClient implements AutoCloseable {

    static final String USER_AGENT = "llm-uptime-monitor/" + Version.current();

    private final ConnectionProvider pool;
    private final HttpClient client;

    ProbeHttpClient(int maxConnections) {
        this.pool = ConnectionProvider.builder("llm-probes")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(25))
                .evictInBackground(Duration.ofSeconds(30))
                .build();
        this.client = HttpClient.create(pool)
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .metrics(true, PhaseRecorder::new)
                .headers(headers -> headers.set("user-agent", USER_AGENT));
    }

    HttpClient client() {
        return client;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}

package dev.llmuptime.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** An HTTP server with just {@code /metrics} and {@code /health}, for services without a UI. */
public final class OpsServer implements AutoCloseable {

    private final DisposableServer server;

    private OpsServer(DisposableServer server) {
        this.server = server;
    }

    public static OpsServer start(String host, int port, PrometheusMeterRegistry registry, Supplier<Health> health) {
        return new OpsServer(HttpServer.create().host(host).port(port)
                .route(routes -> OpsRoutes.add(routes, registry, health)).bindNow());
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}

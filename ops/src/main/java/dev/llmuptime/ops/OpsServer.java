package dev.llmuptime.ops;

import dev.llmuptime.config.HttpConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

/** An HTTP server with {@code /metrics} and {@code /health}, and a service's own API if it has one, for services without a UI. */
public final class OpsServer implements AutoCloseable {

    private final DisposableServer server;

    private OpsServer(DisposableServer server) {
        this.server = server;
    }

    public static OpsServer start(String host, int port, MeterRegistry registry, Supplier<Health> health) {
        return start(host, port, registry, health, routes -> { });
    }

    /** The same server, with the routes {@code api} adds. */
    public static OpsServer start(String host, int port, MeterRegistry registry, Supplier<Health> health,
            Consumer<HttpServerRoutes> api) {
        return start(host, port, registry, health, HttpAccess.of(HttpConfig.DEFAULT), api);
    }

    /** The same server, answering only the requests {@code access} lets through. */
    public static OpsServer start(String host, int port, MeterRegistry registry, Supplier<Health> health,
            HttpAccess access, Consumer<HttpServerRoutes> api) {
        HttpServerRoutes routes = OpsRoutes.add(HttpServerRoutes.newRoutes(), registry, health);
        api.accept(routes);
        return new OpsServer(HttpServer.create().host(host).port(port).handle(access.around(routes)).bindNow());
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}

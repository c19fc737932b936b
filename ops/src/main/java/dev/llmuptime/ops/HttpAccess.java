package dev.llmuptime.ops;

import dev.llmuptime.config.HttpConfig;
import dev.llmuptime.config.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * {@code http.token} in front of a service's HTTP routes: without it every request passes; with it
 * a request needs {@code Authorization: Bearer <token>} (401 without one, 403 with another), except
 * {@code /health}, which orchestrators ask without credentials, and the paths the service keeps open.
 */
public final class HttpAccess {

    /** The handler type of a reactor-netty server, which its routes are too. */
    public interface Handler extends BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {
    }

    private final BearerToken token;
    private final List<BearerToken> alsoAccepted;
    private final Predicate<String> open;

    private HttpAccess(BearerToken token, List<BearerToken> alsoAccepted, Predicate<String> open) {
        this.token = token;
        this.alsoAccepted = alsoAccepted;
        this.open = open;
    }

    /** Guards every path but {@code /health}. */
    public static HttpAccess of(HttpConfig http) {
        return new HttpAccess(new BearerToken(http.token()), List.of(), path -> false);
    }

    /** The same, leaving {@code openPaths} open too. */
    public HttpAccess leavingOpen(Predicate<String> openPaths) {
        return new HttpAccess(token, alsoAccepted, open.or(openPaths));
    }

    /** The same, letting {@code other} (a token with more rights, such as writing) read too. */
    public HttpAccess accepting(Secret other) {
        List<BearerToken> accepted = new ArrayList<>(alsoAccepted);
        if (other.isPresent()) {
            accepted.add(new BearerToken(other));
        }
        return new HttpAccess(token, List.copyOf(accepted), open);
    }

    /** {@code routes}, answered only for requests this access lets through. */
    public Handler around(BiFunction<? super HttpServerRequest, ? super HttpServerResponse, ? extends Publisher<Void>> routes) {
        return (request, response) -> {
            String path = request.fullPath();
            if (!token.isSet() || "/health".equals(path) || open.test(path)) {
                return routes.apply(request, response);
            }
            String authorization = request.requestHeaders().get("authorization");
            BearerToken.Verdict verdict = token.check(authorization);
            if (verdict != BearerToken.Verdict.MATCHES && alsoAccepted.stream()
                    .anyMatch(other -> other.check(authorization) == BearerToken.Verdict.MATCHES)) {
                verdict = BearerToken.Verdict.MATCHES;
            }
            return switch (verdict) {
                case MATCHES -> routes.apply(request, response);
                case MISSING -> refuse(response.header("www-authenticate", "Bearer"), 401,
                        "this endpoint needs the header Authorization: Bearer <http.token>");
                case WRONG -> refuse(response, 403, "the bearer token is not http.token");
            };
        };
    }

    private static Mono<Void> refuse(HttpServerResponse response, int status, String reason) {
        return response.status(status).header("content-type", "application/json")
                .sendString(Mono.just("{\"error\":" + OpsRoutes.jsonString(reason) + "}")).then();
    }
}

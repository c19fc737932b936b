package dev.llmuptime.aggregator;

import dev.llmuptime.config.Secret;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Asks another aggregator instance for its local answer, without blocking and with a short timeout. */
final class Peers {

    /** A remote answer: its HTTP status and JSON body. */
    record Answer(int status, String body) {
    }

    private final HttpClient client;
    private final Duration timeout;

    Peers(Duration timeout) {
        this(timeout, Secret.none());
    }

    /** Peers that carry {@code token} (http.token), which every instance of a deployment shares. */
    Peers(Duration timeout, Secret token) {
        HttpClient plain = HttpClient.create().responseTimeout(timeout);
        this.client = token.isPresent()
                ? plain.headers(headers -> headers.set("authorization", "Bearer " + token.reveal())) : plain;
        this.timeout = timeout;
    }

    /** GETs {@code pathAndQuery} on {@code peer} with {@code local=true}, so the peer does not ask further. */
    Mono<Answer> getLocal(HostInfo peer, String pathAndQuery) {
        String uri = "http://" + peer.host() + ":" + peer.port() + pathAndQuery
                + (pathAndQuery.contains("?") ? "&" : "?") + "local=true";
        return client.get().uri(uri)
                .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                        .map(text -> new Answer(response.status().code(), text)))
                // The response timeout does not cover connecting, nor a body that trickles.
                .timeout(timeout.multipliedBy(2));
    }
}

package dev.llmuptime.probe;

import dev.llmuptime.config.TargetConfig;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * What every probe of one target sends, built once per target: the client with the request's
 * headers, the URL and the JSON body already encoded. A target's request never changes, and
 * building it per probe (a client copy, a JSON tree, its encoding) was a large share of a probe's cost.
 */
record PreparedRequest(TargetConfig target, ProbeCheck check, ProviderApi api, HttpClient client, HttpMethod method,
        String url, byte[] body) {

    static PreparedRequest of(TargetConfig target, ProviderApi api, HttpClient http) {
        ProbeCheck check = api.check(target.check());
        ProbeRequest request = check.request(target);
        String body = request.body();
        HttpClient client = http.headers(headers -> {
            headers.set("accept", request.accept());
            if (body != null) {
                headers.set("content-type", "application/json");
            }
            api.authenticate(target.apiKey(), headers);
            // Last, so a gateway's headers may replace the provider's.
            target.headers().forEach((name, value) -> headers.set(name, value.reveal()));
        });
        return new PreparedRequest(target, check, api, client, request.method(), api.url(target, request),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The request, ready for its response. The body is one buffer wrapping the shared bytes without
     * copying them, sent as a Mono so Reactor Netty writes one message with a content-length.
     */
    HttpClient.ResponseReceiver<?> send() {
        HttpClient.RequestSender request = client.request(method).uri(url);
        return body == null ? request : request.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)));
    }
}

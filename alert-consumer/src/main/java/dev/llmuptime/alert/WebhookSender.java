package dev.llmuptime.alert;

import dev.llmuptime.config.Version;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.schema.AlertEvent;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Sends one event to one webhook once: renders, signs, POSTs, and classifies the answer. */
final class WebhookSender {

    private final HttpClient http;
    private final WebhookConfig webhook;
    private final Payload payload;
    private final String dashboardUrl;
    private final Clock clock;

    WebhookSender(HttpClient http, WebhookConfig webhook, String dashboardUrl, Clock clock) {
        this.http = http;
        this.webhook = webhook;
        this.payload = Payload.of(webhook.format(), clock);
        this.dashboardUrl = dashboardUrl;
        this.clock = clock;
    }

    WebhookConfig webhook() {
        return webhook;
    }

    /** One attempt; never throws for the receiver's or the network's failures. */
    Attempt send(Notification notification) throws InterruptedException {
        AlertEvent event = notification.event();
        byte[] body = NotificationMark.mark(webhook.format(), payload.render(event, webhook, dashboardUrl),
                notification.number()).toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(payload.endpoint(webhook.url()))
                .timeout(webhook.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("User-Agent", "llm-uptime-monitor/" + Version.current())
                .header("Idempotency-Key", notification.idempotencyKey());
        webhook.headers().forEach(request::header);
        if (webhook.secret().isPresent()) {
            request.header(Signature.HEADER, Signature.header(webhook.secret().reveal(), clock.instant().getEpochSecond(),
                    body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return RetryPolicy.classify(response.statusCode(), response.headers().firstValue("retry-after").orElse(null),
                    response.body(), clock.instant());
        } catch (IOException e) {
            return RetryPolicy.networkError(e);
        }
    }
}

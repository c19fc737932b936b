package dev.llmuptime.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmuptime.config.WebhookConfig;
import dev.llmuptime.schema.AlertEvent;
import dev.llmuptime.schema.AlertStatus;
import dev.llmuptime.schema.ProbeEvidence;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Alerts as Alertmanager's API v2 takes them ({@code POST /api/v2/alerts}, a list of postable alerts).
 * A FIRING ends {@link #VALID_FOR} after it is sent, so Alertmanager resolves it by itself if the monitor
 * stops re-sending it; a RESOLVED ends at the episode's end.
 */
final class AlertmanagerApiPayload implements Payload {

    /** How often a FIRING alert is sent again while it fires. */
    static final Duration RESEND_EVERY = Duration.ofMinutes(1);
    /** How long Alertmanager holds a FIRING without hearing of it again: four re-sends, as Prometheus does. */
    static final Duration VALID_FOR = RESEND_EVERY.multipliedBy(4);

    private static final String API_PATH = "/api/v2/alerts";

    private final Clock clock;

    AlertmanagerApiPayload(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ArrayNode render(AlertEvent event, WebhookConfig webhook, String dashboardUrl) {
        ArrayNode alerts = JSON.createArrayNode();
        alerts.add(alert(event, dashboardUrl));
        return alerts;
    }

    /** The webhook's URL is the Alertmanager itself (with its route prefix, if any). */
    @Override
    public URI endpoint(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        return url.resolve(path + API_PATH);
    }

    private ObjectNode alert(AlertEvent event, String dashboardUrl) {
        ObjectNode alert = JSON.createObjectNode();
        // The alertId keeps apart what would otherwise share labels, such as several regions' own warnings.
        ObjectNode labels = alert.putObject("labels").put("alertname", event.getRule())
                .put("severity", event.getSeverity()).put("target", event.getTargetId())
                .put("alertId", event.getAlertId());
        if (event.getModel() != null) {
            labels.put("model", event.getModel());
        }
        if (event.getProvider() != null) {
            labels.put("provider", event.getProvider());
        }
        ObjectNode annotations = alert.putObject("annotations").put("summary", event.getSummary())
                .put("dashboard", dashboardUrl);
        List<ProbeEvidence> evidence = EvidenceFormat.of(event);
        if (!evidence.isEmpty()) {
            annotations.put("evidence", String.join("\n", evidence.stream().map(EvidenceFormat::line).toList()));
        }
        alert.put("startsAt", Payload.iso(event.getStartsAt()))
                .put("endsAt", Payload.iso(endsAt(event)))
                .put("generatorURL", targetUrl(dashboardUrl, event.getTargetId()));
        return alert;
    }

    private Instant endsAt(AlertEvent event) {
        if (event.getStatus() == AlertStatus.FIRING) {
            return clock.instant().plus(VALID_FOR);
        }
        return event.getEndsAt() != null ? event.getEndsAt() : event.getEmittedAt();
    }

    /** The target's link on the dashboard. */
    private static String targetUrl(String dashboardUrl, String targetId) {
        return dashboardUrl + (dashboardUrl.contains("?") ? "&" : "?") + "target="
                + URLEncoder.encode(targetId, StandardCharsets.UTF_8);
    }
}

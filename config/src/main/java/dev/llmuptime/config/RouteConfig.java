package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * Where the alerts a {@code match} selects go: {@code notify} (webhook names; absent = the rule's own
 * {@code notify}), reminders every {@code repeat-interval} (absent = {@code alerts.repeat-interval}),
 * and {@code escalate} steps, each {@code after} longer than the one before.
 */
public record RouteConfig(
        @JsonProperty("match") AlertMatch match,
        @JsonProperty("notify") List<String> notifyWebhooks,
        @JsonProperty("repeat-interval") Duration repeatInterval,
        @JsonProperty("escalate") List<EscalationConfig> escalate) {

    public RouteConfig {
        match = Check.orDefault(match, AlertMatch.ANY);
        notifyWebhooks = notifyWebhooks == null ? null : List.copyOf(notifyWebhooks);
        if (repeatInterval != null) {
            Check.positive("repeat-interval", repeatInterval, null);
        }
        escalate = List.copyOf(Check.orDefault(escalate, List.<EscalationConfig>of()));
        for (int i = 1; i < escalate.size(); i++) {
            Duration after = escalate.get(i).after();
            Duration before = escalate.get(i - 1).after();
            if (after.compareTo(before) <= 0) {
                throw new InvalidValueException("escalate[" + i + "].after", "(" + Durations.format(after)
                        + ") must be longer than escalate[" + (i - 1) + "].after (" + Durations.format(before) + ")");
            }
        }
    }
}

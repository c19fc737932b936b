package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/** One step of a route's escalation: an alert still firing and unacknowledged {@code after} this long also goes to {@code notify}. */
public record EscalationConfig(
        @JsonProperty("after") Duration after,
        @JsonProperty("notify") List<String> notifyWebhooks) {

    public EscalationConfig {
        after = Check.positive("after", Check.required("after", after), Duration.ZERO);
        notifyWebhooks = Check.required("notify", notifyWebhooks);
        if (notifyWebhooks.isEmpty()) {
            throw new InvalidValueException("notify", "must name at least one webhook");
        }
        notifyWebhooks = List.copyOf(notifyWebhooks);
    }
}

package dev.llmuptime.alert;

import dev.llmuptime.config.EscalationConfig;
import java.time.Duration;
import java.util.List;

/**
 * Where one alert goes: the webhooks told when it fires, how often they are reminded while it
 * fires (null: never), and who is told in turn while nobody reacts.
 */
record Route(List<String> receivers, Duration repeatInterval, List<EscalationConfig> escalate) {

    Route {
        receivers = List.copyOf(receivers);
        escalate = List.copyOf(escalate);
    }
}

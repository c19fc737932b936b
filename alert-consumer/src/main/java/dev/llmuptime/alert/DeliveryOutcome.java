package dev.llmuptime.alert;

import dev.llmuptime.ops.DeadLetterReason;
import dev.llmuptime.schema.AlertEvent;
import java.time.Duration;

/**
 * What became of one alert record for one webhook. Only a {@link Final} outcome lets its offset be
 * committed; a {@link Retry} leaves the record to be delivered again.
 */
sealed interface DeliveryOutcome {

    /** Nothing more will be done with the record: its offset may be committed. */
    sealed interface Final extends DeliveryOutcome {
    }

    /** The receiver took it (2xx). */
    record Delivered(AlertEvent event, int attempts) implements Final {
    }

    /** It cannot be delivered: it goes to the dead letter topic with the reason. */
    record Undeliverable(DeadLetterReason reason, String error, int attempts) implements Final {
    }

    /** Not for this webhook: a tombstone, an alert routed to other webhooks, or one held back. */
    record Skipped() implements Final {
    }

    /** Worth another attempt after {@code after}. */
    record Retry(Duration after, String reason) implements DeliveryOutcome {
    }
}

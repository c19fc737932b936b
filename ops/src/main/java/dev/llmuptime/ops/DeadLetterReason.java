package dev.llmuptime.ops;

import java.util.Locale;

/** Why a record went to a dead letter topic; the {@code llm.reason} header carries its {@link #code()}. */
public enum DeadLetterReason {
    /** The value is not a record of the topic's schema. */
    UNDECODABLE,
    /** The webhook answered with a status that retrying cannot fix (a 4xx other than 408 and 429). */
    REJECTED,
    /** The alert was not delivered within the webhook's {@code max-retry-age}. */
    EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

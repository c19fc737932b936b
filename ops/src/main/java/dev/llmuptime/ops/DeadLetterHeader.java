package dev.llmuptime.ops;

/**
 * The headers of a dead letter, the same on every {@code <topic>.dlq}: where the record came from
 * and why it could not be processed. Values are UTF-8 text.
 */
public enum DeadLetterHeader {
    SOURCE_TOPIC("llm.source.topic"),
    SOURCE_PARTITION("llm.source.partition"),
    SOURCE_OFFSET("llm.source.offset"),
    /** A {@link DeadLetterReason#code()}. */
    REASON("llm.reason"),
    /** What went wrong, in one line: the decoding error, the receiver's answer, or how long delivery was tried. */
    ERROR("llm.error"),
    /** Alert deliveries only: the webhook that could not take the alert. */
    WEBHOOK("llm.webhook"),
    /** Alert deliveries only: how many times it was sent. */
    ATTEMPTS("llm.attempts");

    private final String key;

    DeadLetterHeader(String key) {
        this.key = key;
    }

    /** The header's name on the record. */
    public String key() {
        return key;
    }
}

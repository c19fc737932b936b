package dev.llmuptime.schema;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes could not be decoded. Expected in operation (a foreign producer, a corrupt
 * message, a schema from a newer release), so it carries a {@link Reason} that callers can route
 * on, for example to a dead letter topic, and a message fit for a log line.
 */
public final class RecordDecodingException extends SerializationException {

    /** Why decoding failed. */
    public enum Reason {
        /** The bytes do not start with the Avro single-object marker {@code C3 01}. */
        NOT_SINGLE_OBJECT_ENCODED,
        /** The marker is there but the schema fingerprint is not one this release knows. */
        UNKNOWN_SCHEMA,
        /** The header is fine but the body ends early or does not match the schema. */
        CORRUPT_BODY
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public RecordDecodingException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package dev.llmuptime.config;

/**
 * A value fails validation while a config record is built. {@code key} is relative to the record
 * being built (e.g. {@code timeout}); the loader prefixes the record's path and adds the file and
 * line.
 */
final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    InvalidValueException(String key, String message) {
        super(message);
        this.key = key;
    }

    String key() {
        return key;
    }
}

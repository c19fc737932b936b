package dev.llmuptime.config;

/**
 * The configuration cannot be used. The message is one line a user can act on: the file, the
 * line, the key and what is expected. It never contains a secret's value.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}

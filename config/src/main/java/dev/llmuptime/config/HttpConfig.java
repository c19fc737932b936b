package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who may read the services' HTTP endpoints. Without {@code token} everything is open, as before;
 * with it, every endpoint but {@code /health} needs {@code Authorization: Bearer <token>}, and
 * {@code public-status} keeps the aggregator's status page and badges open.
 */
public record HttpConfig(
        @JsonProperty("token") Secret token,
        @JsonProperty("public-status") Boolean publicStatus) {

    public static final HttpConfig DEFAULT = new HttpConfig(null, null);

    /** Shorter tokens can be guessed; whitespace would be lost between a header and this file. */
    static final int MIN_TOKEN_LENGTH = 16;

    public HttpConfig {
        token = Check.orDefault(token, Secret.none());
        if (token.isPresent() && token.reveal().length() < MIN_TOKEN_LENGTH) {
            throw new InvalidValueException("token", "must be at least " + MIN_TOKEN_LENGTH + " characters long");
        }
        if (token.isPresent() && !token.reveal().matches("\\S+")) {
            throw new InvalidValueException("token", "must not contain spaces or line breaks");
        }
        publicStatus = Check.orDefault(publicStatus, false);
    }
}

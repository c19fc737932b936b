package dev.llmuptime.config;

/** Small helpers for validating config records in their constructors. */
final class Check {

    private Check() {
    }

    static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static <T> T required(String key, T value) {
        if (value == null) {
            throw new InvalidValueException(key, "is required");
        }
        return value;
    }

    static String requiredText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(key, "is required and must not be empty");
        }
        return value;
    }

    static int port(String key, Integer value, int fallback) {
        int port = orDefault(value, fallback);
        if (port < 0 || port > 65535) {
            throw new InvalidValueException(key, "must be a TCP port from 0 to 65535, got " + port);
        }
        return port;
    }

    static int atLeast(String key, Integer value, int fallback, int minimum) {
        int number = orDefault(value, fallback);
        if (number < minimum) {
            throw new InvalidValueException(key, "must be at least " + minimum + ", got " + number);
        }
        return number;
    }

    static java.time.Duration positive(String key, java.time.Duration value, java.time.Duration fallback) {
        java.time.Duration duration = orDefault(value, fallback);
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidValueException(key, "must be longer than 0");
        }
        return duration;
    }

    static java.time.Duration notNegative(String key, java.time.Duration value, java.time.Duration fallback) {
        java.time.Duration duration = orDefault(value, fallback);
        if (duration.isNegative()) {
            throw new InvalidValueException(key, "must not be negative");
        }
        return duration;
    }
}

package dev.llmuptime.config;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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

    /** Fails on the first element whose name an earlier one already used. */
    static <T> void unique(String listKey, List<T> items, Function<T, String> name,
            String nameKey, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String itemName = name.apply(items.get(i));
            if (!seen.add(itemName)) {
                throw new InvalidValueException(listKey + "[" + i + "]." + nameKey, "'" + itemName
                        + "' is used by an earlier " + what + "; " + nameKey + "s must be unique");
            }
        }
    }

    static URI httpUrl(String key, URI url) {
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new InvalidValueException(key, "'" + url + "' must be an http:// or https:// URL");
        }
        return url;
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

    static int between(String key, Integer value, int fallback, int minimum, int maximum) {
        int number = orDefault(value, fallback);
        if (number < minimum || number > maximum) {
            throw new InvalidValueException(key, "must be from " + minimum + " to " + maximum + ", got " + number);
        }
        return number;
    }

    static Duration positive(String key, Duration value, Duration fallback) {
        Duration duration = orDefault(value, fallback);
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidValueException(key, "must be longer than 0");
        }
        return duration;
    }

    static Duration notNegative(String key, Duration value, Duration fallback) {
        Duration duration = orDefault(value, fallback);
        if (duration.isNegative()) {
            throw new InvalidValueException(key, "must not be negative");
        }
        return duration;
    }
}

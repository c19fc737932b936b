package dev.llmuptime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates extra request headers: names an HTTP request can carry, values that cannot split a request. */
final class RequestHeaders {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    // These frame the request itself; the HTTP client sets them, and another value would corrupt it.
    private static final Set<String> FRAMING = Set.of("host", "content-length", "transfer-encoding", "connection",
            "upgrade", "te", "trailer", "keep-alive");

    private RequestHeaders() {
    }

    /** The headers to send, without those whose value is empty (e.g. an unset variable). */
    static Map<String, Secret> check(String key, Map<String, Secret> headers) {
        Map<String, Secret> kept = new LinkedHashMap<>();
        Check.orDefault(headers, Map.<String, Secret>of()).forEach((name, value) -> {
            if (!TOKEN.matcher(name).matches()) {
                throw new InvalidValueException(key, "'" + name + "' is not a valid HTTP header name");
            }
            if (FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidValueException(key, "'" + name + "' is set by the HTTP client and cannot be configured");
            }
            // The value is a secret: the error names the header, never what it holds.
            if (value != null && value.reveal().chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new InvalidValueException(key, "the value of '" + name + "' must be one line");
            }
            if (value != null && value.isPresent()) {
                kept.put(name, value);
            }
        });
        return Collections.unmodifiableMap(kept);
    }
}

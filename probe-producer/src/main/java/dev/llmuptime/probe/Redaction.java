package dev.llmuptime.probe;

import dev.llmuptime.config.Secret;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes text safe to put in an event: removes the target's secrets (its API key and header values) and anything shaped like a
 * key or bearer token (providers echo part of a wrong key in their 401 message), and keeps it short.
 */
final class Redaction {

    static final int MAX_MESSAGE_LENGTH = 200;

    private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk-|sk_|key-)[A-Za-z0-9_\\-*.]{3,}");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");

    private Redaction() {
    }

    static String redact(String text, List<Secret> secrets) {
        if (text == null) {
            return null;
        }
        String safe = text;
        for (Secret secret : secrets) {
            if (secret.isPresent() && secret.reveal().length() >= 4) {
                safe = safe.replace(secret.reveal(), "****");
            }
        }
        safe = KEY_LIKE.matcher(safe).replaceAll("$1****");
        safe = BEARER.matcher(safe).replaceAll("Bearer ****");
        safe = safe.replaceAll("\\s+", " ").trim();
        return safe.length() <= MAX_MESSAGE_LENGTH ? safe : safe.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }
}

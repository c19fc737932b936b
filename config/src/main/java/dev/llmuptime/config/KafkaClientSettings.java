package dev.llmuptime.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks {@code kafka.client} where a mistake would otherwise surface only as a Kafka client that
 * cannot start or a broker that refuses it, and hides the values of its secret settings.
 */
final class KafkaClientSettings {

    private static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI",
            "OAUTHBEARER");
    private static final List<String> FILES = List.of("ssl.truststore.location", "ssl.keystore.location");
    // sasl.jaas.config carries the password; ssl.keystore.key and the like carry key material.
    private static final Pattern SECRET = Pattern.compile(".*(password|jaas|secret|\\.key|token).*");

    private KafkaClientSettings() {
    }

    static Map<String, String> validate(Map<String, String> client) {
        oneOf(client, "security.protocol", PROTOCOLS);
        oneOf(client, "sasl.mechanism", MECHANISMS);
        for (String key : FILES) {
            String location = client.get(key);
            if (location != null && !Files.isRegularFile(Path.of(location))) {
                throw new InvalidValueException("client." + key, "'" + location + "' is not a readable file");
            }
        }
        return Map.copyOf(client);
    }

    /** The settings as {@code toString} shows them: secret values as {@code ****}. */
    static Map<String, String> shown(Map<String, String> client) {
        Map<String, String> shown = new TreeMap<>();
        client.forEach((key, value) -> shown.put(key, SECRET.matcher(key).matches() ? "****" : value));
        return shown;
    }

    private static void oneOf(Map<String, String> client, String key, List<String> allowed) {
        String value = client.get(key);
        if (value != null && !allowed.contains(value)) {
            throw new InvalidValueException("client." + key, "'" + value + "' is not one of "
                    + String.join(", ", allowed));
        }
    }
}

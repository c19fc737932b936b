package dev.llmuptime.embedded.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client listener besides the broker's PLAINTEXT one, e.g. {@code SASL_PLAINTEXT} with SCRAM or
 * {@code SSL}: its name, security protocol, port and the broker settings it needs. Settings are
 * given without their {@code listener.name.<name>.} prefix, which the broker config gets added.
 */
public record BrokerListener(String name, String securityProtocol, int port, Map<String, String> settings) {

    public BrokerListener {
        if (!name.matches("[A-Z][A-Z0-9_]*") || "PLAINTEXT".equals(name) || "CONTROLLER".equals(name)) {
            throw new IllegalArgumentException("listener name '" + name + "' must be upper case and not PLAINTEXT or CONTROLLER");
        }
        settings = Map.copyOf(settings);
    }

    /** A listener asking SCRAM-SHA-512 credentials over plain TCP; users are created with the admin API. */
    public static BrokerListener scramSha512(int port) {
        return new BrokerListener("SASL_PLAINTEXT", "SASL_PLAINTEXT", port, Map.of(
                "sasl.enabled.mechanisms", "SCRAM-SHA-512",
                "scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
    }

    /** A TLS listener presenting the key in a PKCS12 {@code keystore}. */
    public static BrokerListener tls(int port, String keystoreLocation, String keystorePassword) {
        return new BrokerListener("SSL", "SSL", port, Map.of(
                "ssl.keystore.location", keystoreLocation,
                "ssl.keystore.type", "PKCS12",
                "ssl.keystore.password", keystorePassword,
                "ssl.key.password", keystorePassword));
    }

    /** Where clients reach it. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Its settings as the broker reads them, each prefixed with {@code listener.name.<name>.}. */
    Map<String, String> brokerSettings() {
        Map<String, String> prefixed = new LinkedHashMap<>();
        settings.forEach((key, value) -> prefixed.put("listener.name." + name.toLowerCase() + "." + key, value));
        return prefixed;
    }
}

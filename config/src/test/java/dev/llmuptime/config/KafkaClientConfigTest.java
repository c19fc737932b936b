package dev.llmuptime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kafka.client}: passed through whole, checked where a mistake is certain, its secrets never shown. */
class KafkaClientConfigTest {

    private static final Map<String, String> ENV = Map.of("KAFKA_JAAS",
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\" password=\"pw-9f8e7d\";",
            "TRUST_PASSWORD", "tr-5a4b3c");

    @TempDir
    Path dir;

    @Test
    void secureSettingsPassThroughAndTheirSecretsAreNeverShown() throws Exception {
        Path truststore = Files.writeString(dir.resolve("truststore.p12"), "x");
        MonitorConfig config = load("""
                kafka:
                  client:
                    security.protocol: SASL_SSL
                    sasl.mechanism: SCRAM-SHA-512
                    sasl.jaas.config: ${KAFKA_JAAS}
                    ssl.truststore.location: %s
                    ssl.truststore.password: ${TRUST_PASSWORD}
                """.formatted(truststore));

        assertThat(config.kafka().clientProperties()).containsEntry("sasl.jaas.config", ENV.get("KAFKA_JAAS"))
                .containsEntry("ssl.truststore.password", "tr-5a4b3c").containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.toString()).doesNotContain("pw-9f8e7d").doesNotContain("tr-5a4b3c")
                .contains("sasl.jaas.config=****").contains("ssl.truststore.password=****")
                .contains("security.protocol=SASL_SSL").contains(truststore.toString());
    }

    @Test
    void anUnknownSecurityProtocolNamesTheKey() {
        assertError("kafka:\n  client: {security.protocol: SASL_TLS}\n", "monitor.yaml:2: kafka.client.security.protocol "
                + "'SASL_TLS' is not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
    }

    @Test
    void anUnknownSaslMechanismNamesTheKey() {
        assertError("kafka:\n  client: {sasl.mechanism: SCRAM-SHA-1}\n", "monitor.yaml:2: kafka.client.sasl.mechanism "
                + "'SCRAM-SHA-1' is not one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, GSSAPI, OAUTHBEARER");
    }

    @Test
    void aMissingTruststoreFileNamesTheKey() {
        String missing = dir.resolve("missing.p12").toString();
        assertError("kafka:\n  client: {ssl.truststore.location: " + missing + "}\n",
                "monitor.yaml:2: kafka.client.ssl.truststore.location '" + missing + "' is not a readable file");
    }

    private static MonitorConfig load(String yaml) {
        return new ConfigLoader(ENV::get).parse(yaml, "monitor.yaml");
    }

    private static void assertError(String yaml, String expected) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class).hasMessage(expected);
    }
}

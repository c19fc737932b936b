package dev.llmuptime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaRefusalTest {

    @Test
    void aFailedHandshakeTellsWhatTheCertificateCheckSaid() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        Throwable failure = new IllegalStateException("cannot create topic t", new ExecutionException(
                new SslAuthenticationException("SSL handshake failed", handshake)));

        assertThat(KafkaRefusal.describe(failure)).hasValue("the TLS handshake failed (check kafka.client "
                + "ssl.truststore.* and ssl.keystore.*): PKIX path building failed");
    }

    @Test
    void aDeniedTopicNamesTheAcls() {
        assertThat(KafkaRefusal.describe(new TopicAuthorizationException("Not authorized to access topics: [t]")))
                .hasValue("the client is not authorized (check the broker's ACLs for this principal): "
                        + "Not authorized to access topics: [t]");
    }

    @Test
    void anUnreachableBrokerIsNoRefusal() {
        assertThat(KafkaRefusal.describe(new IllegalStateException("timed out", new TimeoutException("t")))).isEmpty();
        assertThat(KafkaRefusal.describe(new IOException("Connection refused"))).isEmpty();
    }
}

package dev.llmuptime.ops;

import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * A broker that refused this service's credentials or certificates: retrying cannot help, so the
 * failure is told once, in one line naming the {@code kafka.client} settings to fix.
 */
public final class KafkaRefusal {

    private KafkaRefusal() {
    }

    /** The line to tell, when {@code failure} (or one of its causes) is a refusal; empty otherwise. */
    public static Optional<String> describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SslAuthenticationException tls) {
                return Optional.of("the TLS handshake failed (check kafka.client ssl.truststore.* and ssl.keystore.*): "
                        + deepestMessage(tls));
            }
            if (cause instanceof AuthenticationException refused) {
                return Optional.of("authentication failed (check kafka.client sasl.mechanism and sasl.jaas.config): "
                        + refused.getMessage());
            }
            if (cause instanceof AuthorizationException denied) {
                return Optional.of("the client is not authorized (check the broker's ACLs for this principal): "
                        + denied.getMessage());
            }
        }
        return Optional.empty();
    }

    /** TLS says what is wrong (an untrusted certificate, a wrong host name) in its innermost cause. */
    private static String deepestMessage(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return String.valueOf(deepest.getMessage());
    }
}

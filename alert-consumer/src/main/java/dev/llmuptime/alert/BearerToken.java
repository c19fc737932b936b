package dev.llmuptime.alert;

import dev.llmuptime.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code alerts.api-token}, which every write to the API must carry as {@code Authorization: Bearer
 * <token>}: 401 without it, 403 when it is wrong, and 403 for every write when no token is set.
 */
final class BearerToken {

    private static final String PREFIX = "Bearer ";

    private final Secret token;

    BearerToken(Secret token) {
        this.token = token;
    }

    /** Why a write with this {@code Authorization} header is refused; empty: it is allowed. */
    Optional<ApiProblem> refusal(String authorization) {
        if (!token.isPresent()) {
            return Optional.of(new ApiProblem(403, "the write API is off: alerts.api-token is not set"));
        }
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.of(new ApiProblem(401, "writes need the header Authorization: Bearer <alerts.api-token>"));
        }
        byte[] given = authorization.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        // Compared in constant time, so the answer's timing tells nothing of the token.
        return MessageDigest.isEqual(given, token.reveal().getBytes(StandardCharsets.UTF_8)) ? Optional.empty()
                : Optional.of(new ApiProblem(403, "the bearer token is not alerts.api-token"));
    }
}

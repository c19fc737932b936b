package dev.llmuptime.alert;

import dev.llmuptime.config.Secret;
import dev.llmuptime.ops.BearerToken;
import java.util.Optional;

/**
 * {@code alerts.api-token}, which every write to the API must carry as {@code Authorization: Bearer
 * <token>}: 401 without it, 403 when it is wrong, and 403 for every write when no token is set.
 */
final class WriteToken {

    private final BearerToken token;

    WriteToken(Secret token) {
        this.token = new BearerToken(token);
    }

    /** Why a write with this {@code Authorization} header is refused; empty: it is allowed. */
    Optional<ApiProblem> refusal(String authorization) {
        if (!token.isSet()) {
            return Optional.of(new ApiProblem(403, "the write API is off: alerts.api-token is not set"));
        }
        return switch (token.check(authorization)) {
            case MATCHES -> Optional.empty();
            case MISSING -> Optional.of(new ApiProblem(401, "writes need the header Authorization: Bearer <alerts.api-token>"));
            case WRONG -> Optional.of(new ApiProblem(403, "the bearer token is not alerts.api-token"));
        };
    }
}

package dev.llmuptime.ops;

import dev.llmuptime.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A token a request must carry as {@code Authorization: Bearer <token>}, compared in constant time. */
public final class BearerToken {

    /** What a request's {@code Authorization} header shows: the token, no bearer token at all, or another one. */
    public enum Verdict { MATCHES, MISSING, WRONG }

    private static final String PREFIX = "Bearer ";

    private final Secret token;

    public BearerToken(Secret token) {
        this.token = token;
    }

    public boolean isSet() {
        return token.isPresent();
    }

    /** Judges a request's {@code Authorization} header; without a token set, any given one is wrong. */
    public Verdict check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Verdict.MISSING;
        }
        byte[] given = authorization.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        // Compared in constant time, so the answer's timing tells nothing of the token.
        return token.isPresent() && MessageDigest.isEqual(given, token.reveal().getBytes(StandardCharsets.UTF_8))
                ? Verdict.MATCHES : Verdict.WRONG;
    }
}

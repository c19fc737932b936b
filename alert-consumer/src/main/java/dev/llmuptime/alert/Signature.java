package dev.llmuptime.alert;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-LLM-Monitor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 * The timestamp lets receivers reject replays; the body is signed as sent, byte for byte.
 */
public final class Signature {

    public static final String HEADER = "X-LLM-Monitor-Signature";

    private static final String SIGNATURE_FIELD = ",v1=";

    private Signature() {
    }

    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + SIGNATURE_FIELD + hmac(secret, unixSeconds, body);
    }

    /** Whether {@code header} signs {@code body} with {@code secret}; a malformed or absent header does not. */
    public static boolean verify(String header, byte[] body, String secret) {
        if (header == null || !header.startsWith("t=") || !header.contains(SIGNATURE_FIELD)) {
            return false;
        }
        long unixSeconds;
        try {
            unixSeconds = Long.parseLong(header.substring(2, header.indexOf(SIGNATURE_FIELD)));
        } catch (NumberFormatException e) {
            return false;
        }
        String signature = header.substring(header.indexOf(SIGNATURE_FIELD) + SIGNATURE_FIELD.length());
        // Compared in constant time, so a forger learns nothing from how long a rejection takes.
        return MessageDigest.isEqual(hmac(secret, unixSeconds, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    static String hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}

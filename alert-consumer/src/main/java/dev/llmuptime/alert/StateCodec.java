package dev.llmuptime.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * Records of the compacted state topic: {@code alert/<rule>\0<target>} holds an {@link AlertState}
 * (a tombstone once inactive); {@code seen/<target>} when the target's stats last arrived.
 */
final class StateCodec {

    static final String ALERT = "alert/";
    static final String SEEN = "seen/";

    private final ObjectMapper json = new ObjectMapper();

    byte[] encode(AlertState state) {
        return write(state);
    }

    byte[] encodeSeen(long at) {
        return String.valueOf(at).getBytes(StandardCharsets.UTF_8);
    }

    AlertState decodeAlert(byte[] bytes) {
        try {
            return json.readValue(bytes, AlertState.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("corrupt alert state record", e);
        }
    }

    long decodeSeen(byte[] bytes) {
        return Long.parseLong(new String(bytes, StandardCharsets.UTF_8));
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

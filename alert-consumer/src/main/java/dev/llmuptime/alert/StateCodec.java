package dev.llmuptime.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Values of the compacted state topic (keys: {@link StateKey}): an {@link AlertState} or an
 * {@link Episode} as JSON, and when a target's stats last arrived as decimal epoch milliseconds.
 */
final class StateCodec {

    private final ObjectMapper json = new ObjectMapper();

    byte[] encode(AlertState state) {
        return json(state);
    }

    byte[] encode(Episode episode) {
        return json(episode);
    }

    byte[] encodeSeen(long at) {
        return String.valueOf(at).getBytes(StandardCharsets.UTF_8);
    }

    AlertState decodeAlert(byte[] bytes) {
        try {
            return json.readValue(bytes, AlertState.class);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt alert state record", e);
        }
    }

    Episode decodeEpisode(byte[] bytes) {
        try {
            return json.readValue(bytes, Episode.class);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt episode state record", e);
        }
    }

    long decodeSeen(byte[] bytes) {
        return Long.parseLong(new String(bytes, StandardCharsets.UTF_8));
    }

    private byte[] json(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

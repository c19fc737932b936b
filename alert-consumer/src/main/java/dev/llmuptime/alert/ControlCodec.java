package dev.llmuptime.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;

/**
 * JSON of the acknowledgements and silences topics and of the alerts API: times as ISO-8601 UTC,
 * absent values left out.
 */
final class ControlCodec {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new SimpleModule("instants").addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new InstantText()))
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    ObjectMapper json() {
        return json;
    }

    byte[] encode(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Acknowledgement decodeAcknowledgement(byte[] bytes) throws IOException {
        return json.readValue(bytes, Acknowledgement.class);
    }

    Silence decodeSilence(byte[] bytes) throws IOException {
        return json.readValue(bytes, Silence.class);
    }

    private static final class InstantText extends StdScalarDeserializer<Instant> {

        private static final long serialVersionUID = 1L;

        InstantText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Instant.parse(parser.getValueAsString());
        }
    }
}

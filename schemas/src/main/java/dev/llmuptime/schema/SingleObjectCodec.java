package dev.llmuptime.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Encodes and decodes one record type with Avro single-object encoding: {@code C3 01}, the
 * 8-byte little-endian CRC-64-AVRO fingerprint of the writer's schema, then the binary body.
 * Records written with any released version of the schema are read into the current class.
 * Thread-safe.
 */
public final class SingleObjectCodec<T extends SpecificRecord> {

    static {
        // Avro refuses to instantiate classes outside java.* unless their package is trusted.
        // Trusting ours (public and internal records) here means no user has to set
        // -Dorg.apache.avro.SERIALIZABLE_PACKAGES.
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                ClassSecurityValidator.getGlobal(),
                type -> type.getPackageName().startsWith("dev.llmuptime.")));
    }

    private static final int HEADER_LENGTH = 10;

    private final Schema schema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public SingleObjectCodec(Schema schema) {
        this(schema, ReleasedSchemas.of(schema.getName()));
    }

    /** A codec that also reads what was written with each of the {@code released} schemas. */
    public SingleObjectCodec(Schema schema, List<Schema> released) {
        this.schema = schema;
        SpecificData model = SpecificData.getForSchema(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        for (Schema earlier : released) {
            decoder.addSchema(earlier);
        }
    }

    public Schema schema() {
        return schema;
    }

    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + schema.getName(), e);
        }
    }

    /** Decodes {@code bytes}, or throws {@link RecordDecodingException} saying why it cannot. */
    public T decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (BadHeaderException e) {
            throw new RecordDecodingException(RecordDecodingException.Reason.NOT_SINGLE_OBJECT_ENCODED,
                    "not an Avro single-object encoded " + schema.getName() + " (expected header C3 01, found "
                            + describeStart(bytes) + ")", e);
        } catch (MissingSchemaException e) {
            throw new RecordDecodingException(RecordDecodingException.Reason.UNKNOWN_SCHEMA,
                    "unknown schema fingerprint " + fingerprintOf(bytes) + " for " + schema.getName()
                            + " (written by a newer or foreign schema?)", e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new RecordDecodingException(RecordDecodingException.Reason.CORRUPT_BODY,
                    "corrupt " + schema.getName() + " body (" + bytes.length + " bytes): "
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private static String describeStart(byte[] bytes) {
        if (bytes.length == 0) {
            return "an empty value";
        }
        int shown = Math.min(bytes.length, 2);
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes, 0, shown);
    }

    private static String fingerprintOf(byte[] bytes) {
        if (bytes.length < HEADER_LENGTH) {
            return "(truncated)";
        }
        return HexFormat.of().withUpperCase().formatHex(bytes, 2, HEADER_LENGTH);
    }
}

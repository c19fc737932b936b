package dev.llmuptime.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of a record's schema, kept as resources
 * {@code dev/llmuptime/schema/released/<Record>/v<N>.avsc} (or, for a module's own state records,
 * {@code released/<Record>/v<N>.avsc} beside the class that owns them). Decoders register them so
 * that records written by any earlier release are still read, and a test checks that the current
 * schema can read each of them.
 */
public final class ReleasedSchemas {

    private ReleasedSchemas() {
    }

    /** The released versions of the public record {@code recordName}, oldest first. */
    public static List<Schema> of(String recordName) {
        return of(ReleasedSchemas.class, recordName);
    }

    /** The released versions of {@code recordName} kept beside {@code owner}'s package, oldest first. */
    public static List<Schema> of(Class<?> owner, String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = "released/" + recordName + "/v" + version + ".avsc";
            try (InputStream in = owner.getResourceAsStream(resource)) {
                if (in == null) {
                    return List.copyOf(versions);
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read released schema " + resource, e);
            }
        }
    }
}

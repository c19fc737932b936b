package dev.llmuptime.schema;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Quantile sketches (DDSketch): every quantile they report is within {@link #RELATIVE_ACCURACY}
 * of the exact one, relative to its value, and two sketches merge into the sketch of the union
 * of their data. The serialized form is DDSketch's own binary encoding ({@code DDSketch.encode} in
 * sketches-java, {@code Encode} in sketches-go), with its index mapping, so a reader needs nothing
 * else to decode it.
 */
public final class Sketches {

    /** A reported p99 of 1,000 ms is between 990 and 1,010 ms of the exact p99. */
    public static final double RELATIVE_ACCURACY = 0.01;

    private Sketches() {
    }

    public static DDSketch empty() {
        return DDSketches.unboundedDense(RELATIVE_ACCURACY);
    }

    public static DDSketch decode(ByteBuffer bytes) {
        if (bytes == null || !bytes.hasRemaining()) {
            return empty();
        }
        byte[] array = new byte[bytes.remaining()];
        bytes.duplicate().get(array);
        return decode(array);
    }

    public static DDSketch decode(byte[] bytes) {
        try {
            return DDSketch.decode(ByteArrayInput.wrap(bytes), UnboundedSizeDenseStore::new);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt quantile sketch", e);
        }
    }

    public static ByteBuffer encode(DDSketch sketch) {
        GrowingByteArrayOutput output = GrowingByteArrayOutput.withDefaultInitialCapacity();
        try {
            sketch.encode(output, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode quantile sketch", e);
        }
        return ByteBuffer.wrap(output.trimmedCopy());
    }

    /** p50/p90/p95/p99 from the sketch (within its accuracy); max and mean exact. Null without samples. */
    public static Percentiles percentiles(DDSketch sketch, double sum, double max) {
        if (sketch.isEmpty()) {
            return null;
        }
        double[] q = sketch.getValuesAtQuantiles(new double[] {0.5, 0.9, 0.95, 0.99});
        return new Percentiles(Math.min(q[0], max), Math.min(q[1], max), Math.min(q[2], max), Math.min(q[3], max), max,
                sum / sketch.getCount());
    }

    /**
     * Adds {@code weight} times the samples of {@code from} to {@code into}, bin by bin: the sketch of a
     * sliding window that still holds that share of an older window. Both use this class's accuracy.
     */
    public static void mergeWeighted(DDSketch into, DDSketch from, double weight) {
        if (weight >= 1) {
            into.mergeWith(from);
        } else if (weight > 0) {
            from.getPositiveValueStore().forEach((index, count) -> into.getPositiveValueStore().add(index, count * weight));
        }
    }
}

package dev.llmuptime.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The stated accuracy holds on a latency-like distribution, and merged sketches give the union's percentiles. */
class SketchesTest {

    private static final double[] QUANTILES = {0.5, 0.9, 0.95, 0.99};

    @Test
    void everyPercentileOfAHundredThousandLogNormalLatenciesIsWithinOnePercent() {
        double[] latencies = logNormal(100_000, new Random(42));
        DDSketch sketch = Sketches.empty();
        Arrays.stream(latencies).forEach(sketch::accept);
        double[] sorted = latencies.clone();
        Arrays.sort(sorted);

        for (double q : QUANTILES) {
            double exact = exact(sorted, q);
            assertThat(sketch.getValueAtQuantile(q)).as("p%s", q * 100)
                    .isCloseTo(exact, Offset.offset(exact * Sketches.RELATIVE_ACCURACY));
        }
    }

    @Test
    void mergingTwoWindowsGivesThePercentilesOfTheirUnion() {
        Random random = new Random(7);
        double[] first = logNormal(50_000, random);
        double[] second = Arrays.stream(logNormal(50_000, random)).map(v -> v * 3).toArray();
        DDSketch a = Sketches.empty();
        DDSketch b = Sketches.empty();
        Arrays.stream(first).forEach(a::accept);
        Arrays.stream(second).forEach(b::accept);

        DDSketch merged = Sketches.decode(Sketches.encode(a));
        merged.mergeWith(Sketches.decode(Sketches.encode(b)));

        double[] union = new double[first.length + second.length];
        System.arraycopy(first, 0, union, 0, first.length);
        System.arraycopy(second, 0, union, first.length, second.length);
        Arrays.sort(union);
        DDSketch direct = Sketches.empty();
        Arrays.stream(union).forEach(direct::accept);
        for (double q : QUANTILES) {
            double exact = exact(union, q);
            assertThat(merged.getValueAtQuantile(q)).as("p%s", q * 100)
                    .isEqualTo(direct.getValueAtQuantile(q))
                    .isCloseTo(exact, Offset.offset(exact * Sketches.RELATIVE_ACCURACY));
        }
        assertThat(merged.getCount()).isEqualTo(100_000);
    }

    /** Latencies in ms: median about 800 ms, a long right tail. */
    private static double[] logNormal(int n, Random random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.exp(Math.log(800) + 0.6 * random.nextGaussian());
        }
        return values;
    }

    /** The lower quantile, as DDSketch defines it: the value at rank floor(q * (n - 1)). */
    private static double exact(double[] sorted, double q) {
        return sorted[(int) Math.floor(q * (sorted.length - 1))];
    }
}

package dev.crashlab.metrics.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The selected tail is what a full sort gives, bit for bit, on inputs that trouble selections. */
class LowerTailTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void theSmallestInOrderAndTheKthLargestAreTheSortsBitForBit(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int n : new int[] {2, 3, 20, 21, 255, 256, 257, 1_000, 4_369, 50_001, 200_000}) {
            double[] values = sample(random, n, (int) (seed % 7));
            double[] before = values.clone();
            for (int percent : new int[] {1, 5, 50, 51, 100}) {
                int k = TailMetrics.tailCount(n, percent);
                double[] sorted = values.clone();
                Arrays.sort(sorted);
                double[] expected = Arrays.copyOf(sorted, k + 1);
                expected[k] = sorted[n - k];

                double[] tail = LowerTail.of(values, k);

                assertThat(bits(tail)).as("n=%d, k=%d, shape %d", n, k, seed % 7).isEqualTo(bits(expected));
            }
            assertThat(bits(values)).as("the input is left as it was").isEqualTo(bits(before));
        }
    }

    /**
     * Random returns of one of seven shapes: plain, ties and signed zeros, sorted, reversed, all
     * equal, a NaN, and one whose sampled places all hold the lowest value, so that the sample's
     * thresholds collect too few and the selection takes over.
     */
    private static double[] sample(SplittableRandom random, int n, int shape) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (shape) {
                case 1 -> random.nextInt(5) == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextInt(-3, 4) * 0.01;
                case 4 -> 0.001;
                default -> random.nextGaussian() * 0.02;
            };
        }
        if (shape == 2) {
            Arrays.sort(x);
        } else if (shape == 3) {
            Arrays.sort(x);
            for (int i = 0; i < n / 2; i++) {
                double t = x[i];
                x[i] = x[n - 1 - i];
                x[n - 1 - i] = t;
            }
        } else if (shape == 5) {
            x[random.nextInt(n)] = Double.NaN;
        } else if (shape == 6) {
            int stride = n / Math.min(n, LowerTail.SAMPLE);
            for (int i = 0; i < n; i++) {
                x[i] = i % stride == 0 ? -1 : Math.abs(x[i]);
            }
        }
        return x;
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToLongBits(values[i]);
        }
        return bits;
    }
}

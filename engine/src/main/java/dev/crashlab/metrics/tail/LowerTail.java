package dev.crashlab.metrics.tail;

import java.util.Arrays;

/**
 * The order statistics {@link TailMetrics} reads, without sorting every return: the k smallest
 * in ascending order and the k-th largest. A full sort of a 1,000,000-bar run's returns was
 * most of its result's time; here the values beyond two thresholds read off a sample are
 * collected in linear passes (a selection takes over when the sample misjudged the data), and
 * only those, about 5 % of the values each, are sorted.
 *
 * <p>The answer is that of {@code Arrays.sort}, bit for bit: the doubles are ordered as it
 * orders them ({@link Double#compare}: −0.0 before 0.0), through a {@code long} key that sorts
 * the same way, so the smallest come out in the same order and their sums round the same. A
 * sample with a NaN (sorted last by {@code Arrays.sort}, whatever its sign) or too short to be
 * worth it is sorted whole.
 */
final class LowerTail {

    /** Below this many values a sort is as quick, and obviously right. */
    private static final int SMALL = 256;

    /** Values sampled to place the thresholds of {@link #fromSample}. */
    static final int SAMPLE = 4096;

    /** Partition rounds before a range is sorted instead: bounds the worst case at a sort's. */
    private static final int ROUNDS = 64;

    private LowerTail() {
    }

    /**
     * Returns {@code k + 1} values of {@code values} (n of them, n &gt;= 2, 1 &lt;= k &lt;= n):
     * at 0..k − 1 the k smallest in ascending order, at k the value of ascending rank n − k
     * (0-based), the k-th largest; {@code values} is left as it is. For n &lt; 2, k + 1 zeros.
     */
    static double[] of(double[] values, int k) {
        int n = values.length;
        double[] out = new double[k + 1];
        if (n < 2) {
            return out;
        }
        boolean nan = false;
        for (double v : values) {
            nan |= v != v;
        }
        if (n < SMALL || nan) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            System.arraycopy(sorted, 0, out, 0, k);
            out[k] = sorted[n - k];
            return out;
        }
        if (!fromSample(values, k, out)) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = key(values[i]);
            }
            select(keys, 0, n - 1, k - 1);
            if (n - k >= k) {
                // Everything from k on is at or above rank k - 1, so rank n - k is found among them.
                select(keys, k, n - 1, n - k);
            }
            // Sorting the k smallest leaves rank n - k in place: among them (then sorted) or beyond.
            Arrays.sort(keys, 0, k);
            out[k] = value(keys[n - k]);
            for (int i = 0; i < k; i++) {
                out[i] = value(keys[i]);
            }
        }
        return out;
    }

    /**
     * Fills {@code out} as {@link #of} does from two thresholds read off a sorted sample of the
     * values: one a little above the k-th smallest, one a little below the k-th largest (three
     * standard deviations of the sample's rank, and two places, beyond). Every value at or below
     * the first is collected and sorted, and every value at or above the second: when each
     * collection holds at least k values, the k smallest are the first k of the one and the k-th
     * largest is k from the end of the other, whatever the ties. Two passes without a branch on
     * the data and two sorts of about k values, where a selection's partitions mispredict at every
     * other value. Returns false, having filled nothing, when a collection came out short (a
     * sample that misjudged the data): the caller then selects.
     */
    private static boolean fromSample(double[] values, int k, double[] out) {
        int n = values.length;
        int size = Math.min(n, SAMPLE);
        int stride = n / size;
        long[] sample = new long[size];
        for (int j = 0; j < size; j++) {
            sample[j] = key(values[j * stride]);
        }
        Arrays.sort(sample);
        double p = (double) k / n;
        double margin = 3 * Math.sqrt(size * p * (1 - p)) + 2;
        long lowest = sample[(int) Math.min(size - 1, Math.ceil(p * size + margin))];
        long highest = sample[(int) Math.max(0, Math.floor((1 - p) * size - margin))];
        int below = 0;
        int above = 0;
        for (double v : values) {
            long x = key(v);
            below += x <= lowest ? 1 : 0;
            above += x >= highest ? 1 : 0;
        }
        if (below < k || above < k) {
            return false;
        }
        // One slot more than needed: each value is written at the end, kept only when it counts.
        long[] low = new long[below + 1];
        long[] high = new long[above + 1];
        int b = 0;
        int a = 0;
        for (double v : values) {
            long x = key(v);
            low[b] = x;
            b += x <= lowest ? 1 : 0;
            high[a] = x;
            a += x >= highest ? 1 : 0;
        }
        Arrays.sort(low, 0, below);
        Arrays.sort(high, 0, above);
        for (int i = 0; i < k; i++) {
            out[i] = value(low[i]);
        }
        out[k] = value(high[above - k]);
        return true;
    }

    /**
     * Returns a key whose signed order is {@link Double#compare}'s on non-NaN doubles: the bits of
     * a positive double already sort as a long; a negative one's magnitude bits are flipped, so
     * that larger magnitudes sort lower (and −0.0, all ones, just below 0.0). It is its own inverse.
     */
    private static long key(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    private static double value(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /**
     * Rearranges {@code a[lo..hi]} so that {@code a[rank]} holds the value of that rank, with none
     * greater before it and none smaller after it (Hoare's selection, median-of-three pivots).
     */
    private static void select(long[] a, int lo, int hi, int rank) {
        for (int round = 0; hi > lo; round++) {
            if (round == ROUNDS || hi - lo < SMALL) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            long pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            // Now a[lo..j] <= pivot <= a[i..hi], and whatever lies between equals the pivot.
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

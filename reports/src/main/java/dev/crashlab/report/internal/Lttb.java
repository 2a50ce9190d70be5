package dev.crashlab.report.internal;

/**
 * Largest-Triangle-Three-Buckets down-sampling (Steinarsson, 2013): picks {@code threshold}
 * points of a line so that its shape survives. The first and last points are always kept; the
 * points in between are split into {@code threshold - 2} equal buckets, and from each bucket the
 * point that forms the largest triangle with the point kept before it and the mean of the next
 * bucket is kept.
 *
 * <p>For display only: reports draw the kept points, while every metric is computed from the full
 * series by the engine.
 */
public final class Lttb {

    private Lttb() {
    }

    /**
     * Returns the indices of the points to keep, in increasing order: all indices when
     * {@code x.length <= threshold}, else exactly {@code threshold} of them.
     *
     * @param x         the x values, increasing
     * @param y         the y values, finite, as many as {@code x}
     * @param threshold the number of points wanted, at least 3
     */
    public static int[] select(double[] x, double[] y, int threshold) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        if (threshold < 3) {
            throw new IllegalArgumentException("threshold must be at least 3, got " + threshold);
        }
        int n = x.length;
        if (n <= threshold) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] kept = new int[threshold];
        double every = (double) (n - 2) / (threshold - 2);
        int a = 0;
        kept[0] = 0;
        for (int b = 0; b < threshold - 2; b++) {
            int nextFrom = (int) Math.floor((b + 1) * every) + 1;
            int nextTo = Math.min((int) Math.floor((b + 2) * every) + 1, n);
            double meanX = 0;
            double meanY = 0;
            for (int i = nextFrom; i < nextTo; i++) {
                meanX += x[i];
                meanY += y[i];
            }
            int count = nextTo - nextFrom;
            if (count > 0) {
                meanX /= count;
                meanY /= count;
            } else {
                meanX = x[n - 1];
                meanY = y[n - 1];
            }
            int from = (int) Math.floor(b * every) + 1;
            int to = (int) Math.floor((b + 1) * every) + 1;
            double best = -1;
            int chosen = from;
            for (int i = from; i < to; i++) {
                double area = Math.abs((x[a] - meanX) * (y[i] - y[a]) - (x[a] - x[i]) * (meanY - y[a]));
                if (area > best) {
                    best = area;
                    chosen = i;
                }
            }
            kept[b + 1] = chosen;
            a = chosen;
        }
        kept[threshold - 1] = n - 1;
        return kept;
    }
}

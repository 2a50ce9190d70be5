package dev.crashlab.backtest;

import java.util.Arrays;

/**
 * A value at every step, recorded step by step, kept either as one number a step or, when it
 * seldom changes, only at the steps where it changes (in {@link Blocks}): a run's cash changes
 * only at its fills and external flows unless it pays carry, and 200,000 weekly purchases over
 * 1,000,000 steps then take 2.4 MB instead of 8. Values are compared by their bits, so a curve
 * reads back exactly what was recorded (−0.0 and NaN included).
 */
final class StepCurve {

    // Dense: the value of every step. Sparse: the steps where the value changed, and the values.
    private final double[] dense;
    private int[][] changedAt;
    private double[][] changedTo;
    private int changes;
    private long lastBits;
    private int recorded;

    /** Creates a curve of {@code steps} steps, dense or {@code sparse}. */
    StepCurve(int steps, boolean sparse) {
        this.dense = sparse ? null : new double[steps];
        if (sparse) {
            changedAt = new int[4][];
            changedTo = new double[4][];
        }
    }

    /** Records the value of step {@code s}, the step after the last one recorded. */
    void record(int s, double value) {
        recorded = s + 1;
        if (dense != null) {
            dense[s] = value;
            return;
        }
        long bits = Double.doubleToRawLongBits(value);
        if (changes == 0 || bits != lastBits) {
            change(s, value, bits);
        }
    }

    /** Appends a change to {@code value} at step {@code s}: apart from {@link #record}, so the step's check stays small enough to inline. */
    private void change(int s, double value, long bits) {
        lastBits = bits;
        int b = Blocks.block(changes);
        int j = Blocks.offset(changes);
        if (j == 0) {
            if (b == changedAt.length) {
                changedAt = Arrays.copyOf(changedAt, b * 2);
                changedTo = Arrays.copyOf(changedTo, b * 2);
            }
            changedAt[b] = new int[Blocks.length(b)];
            changedTo[b] = new double[Blocks.length(b)];
        }
        changedAt[b][j] = s;
        changedTo[b][j] = value;
        changes++;
    }

    /** Returns the value of step {@code s}. */
    double get(int s) {
        java.util.Objects.checkIndex(s, recorded);
        if (dense != null) {
            return dense[s];
        }
        // The last change at or before s: the first change is at step 0.
        int lo = 0;
        int hi = changes - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (changedAt[Blocks.block(mid)][Blocks.offset(mid)] <= s) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return changedTo[Blocks.block(lo)][Blocks.offset(lo)];
    }

    /** Returns the value of every step, a new array. */
    double[] toArray() {
        if (dense != null) {
            return Arrays.copyOf(dense, recorded);
        }
        double[] values = new double[recorded];
        for (int c = 0; c < changes; c++) {
            int from = changedAt[Blocks.block(c)][Blocks.offset(c)];
            int to = c + 1 < changes ? changedAt[Blocks.block(c + 1)][Blocks.offset(c + 1)] : recorded;
            Arrays.fill(values, from, to, changedTo[Blocks.block(c)][Blocks.offset(c)]);
        }
        return values;
    }
}

package dev.crashlab.backtest;

import dev.crashlab.results.RunMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A variant's outcome is what selecting among the variants of a {@link BacktestBatch} needs of
 * one of them: its metrics and its period returns, each equal to what the variant's backtest run
 * alone gives ({@link BacktestResult#metrics()}, {@link BacktestResult#periodReturns()}), without
 * its fills, trades, events or report data.
 *
 * <p>The period returns follow {@code Metrics}: r<sub>t</sub> = E<sub>t</sub> /
 * (E<sub>t−1</sub> + F<sub>t</sub>) − 1 for steps t = 1..N−1, fractions; period t − 1 of the
 * arrays runs from step t − 1's close to step t's. A batch's outcomes have the same periods, so
 * that their returns line up as the rows of a variants × periods matrix.
 *
 * <p>The outcome owns its arrays (the batch's outcomes share one array of period ends, which no
 * one writes): the array accessors return copies, and {@link #periodReturn} and
 * {@link #periodEnd} read without copying.
 *
 * @param index         the variant's index in its batch (a sweep's grid order)
 * @param metrics       its metrics, as results.json holds them
 * @param periodReturns its period returns r<sub>1</sub>..r<sub>N−1</sub>
 * @param periodEnds    the time of the step that ends each period, UTC epoch milliseconds (the
 *                      step's time as results label it: the start of its bars)
 */
public record VariantOutcome(int index, RunMetrics metrics, double[] periodReturns, long[] periodEnds) {

    public VariantOutcome {
        Objects.requireNonNull(metrics, "metrics");
        if (periodReturns.length != periodEnds.length) {
            throw new IllegalArgumentException(periodReturns.length + " period returns for " + periodEnds.length + " periods");
        }
    }

    /** Returns the number of periods, N − 1 for a run of N steps. */
    public int periods() {
        return periodReturns.length;
    }

    /** Returns the return of period {@code t} (from 0), r<sub>t+1</sub>. */
    public double periodReturn(int t) {
        return periodReturns[t];
    }

    /** Returns the end of period {@code t} (from 0), UTC epoch milliseconds. */
    public long periodEnd(int t) {
        return periodEnds[t];
    }

    /** Returns a copy of the period returns. */
    @Override
    public double[] periodReturns() {
        return periodReturns.clone();
    }

    /** Returns a copy of the period ends. */
    @Override
    public long[] periodEnds() {
        return periodEnds.clone();
    }

    /**
     * Returns the period returns of {@code outcomes} as the rows of a variants × periods matrix,
     * row v being the v-th outcome's, for selection statistics
     * ({@code dev.crashlab.metrics.selection}). The rows are the outcomes' own arrays, not copies:
     * a sweep of 10,000 variants over 2,900 daily periods holds 230 MB of returns, which those
     * statistics only read. Whoever receives the matrix must not write it.
     *
     * @throws IllegalArgumentException when there is no outcome or the outcomes do not cover the
     *                                  same periods, naming the first that differs
     */
    public static double[][] returnMatrix(List<VariantOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a return matrix needs at least one variant, got none");
        }
        long[] ends = outcomes.getFirst().periodEnds;
        double[][] matrix = new double[outcomes.size()][];
        for (int v = 0; v < matrix.length; v++) {
            VariantOutcome o = outcomes.get(v);
            if (o.periodEnds != ends && !Arrays.equals(o.periodEnds, ends)) {
                throw new IllegalArgumentException("variant " + o.index + " does not cover the periods of variant "
                        + outcomes.getFirst().index + ": the rows of a return matrix must line up");
            }
            matrix[v] = o.periodReturns;
        }
        return matrix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariantOutcome v && index == v.index && metrics.equals(v.metrics)
                && Arrays.equals(periodReturns, v.periodReturns) && Arrays.equals(periodEnds, v.periodEnds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, metrics, Arrays.hashCode(periodReturns), Arrays.hashCode(periodEnds));
    }

    @Override
    public String toString() {
        return "VariantOutcome(" + index + ", " + periods() + " periods, totalReturn " + metrics.totalReturn() + ", sharpe "
                + metrics.sharpe() + ")";
    }
}

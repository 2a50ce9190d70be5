package dev.crashlab.metrics.selection;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The probability of backtest overfitting (PBO) of a sweep, estimated by combinatorially
 * symmetric cross-validation, CSCV (Bailey, Borwein, López de Prado and Zhu 2015, "The
 * Probability of Backtest Overfitting", Journal of Computational Finance 20(4)): how often the
 * variant that looks best in sample ranks at or below the median of all variants out of sample.
 *
 * <h2>Procedure</h2>
 * <ol>
 *   <li>The matrix holds N variants' period returns over the same T periods. The periods are
 *       cut into S contiguous blocks of ⌊T / S⌋ periods in time order; when S does not divide T,
 *       the T mod S <b>oldest</b> periods are dropped, so the most recent data always count.</li>
 *   <li>Each of the C(S, S/2) sets of S/2 blocks is once the in-sample half (IS, its blocks
 *       joined in time order) and its complement the out-of-sample half (OOS). Combinations are
 *       enumerated in lexicographic order of their IS block indices: {0..S/2−1} first,
 *       {S/2..S−1} last; the arrays of the result follow that order.</li>
 *   <li>In each combination c the performance function (per-period Sharpe ratio by default,
 *       pluggable) scores every variant on IS and on OOS. The selected variant n* has the best IS
 *       score (the lowest index among equals; NaN ranks below every number).</li>
 *   <li>Its OOS rank among the N OOS scores, 1 the worst and N the best, ties sharing the mean
 *       of their ranks, gives the relative rank ω̄<sub>c</sub> = rank / (N + 1) and the logit
 *       λ<sub>c</sub> = ln(ω̄<sub>c</sub> / (1 − ω̄<sub>c</sub>)), as in the paper.</li>
 *   <li>PBO = the share of combinations with λ<sub>c</sub> &lt;= 0: the selected variant did no
 *       better than the median out of sample. So identical variants (every λ = 0) give PBO = 1:
 *       a sweep that cannot tell its variants apart has selected nothing.</li>
 * </ol>
 *
 * <p>Alongside: the performance degradation pairs (IS score, OOS score of n*, one per
 * combination) for a scatter plot, the least-squares line of OOS on IS through them (the paper's
 * degradation regression; a slope below 0 is what overfitting looks like), and the probability of
 * loss, the share of combinations whose selected variant scores below 0 out of sample.
 *
 * <p>Cost: the OOS half of a combination is the IS half of another (its complement), so each
 * half is scored once: C(S, S/2) · N · S / 2 block sums for a
 * {@link PerformanceFunction.FromMoments} function (12,870 combinations at the default S = 16),
 * C(S, S/2) · N · T / 2 reads otherwise, on the common fork-join pool; S is limited to 24
 * (2,704,156 combinations). The result does not depend on how the work is split.
 *
 * @param probability          PBO, in [0, 1]; NaN with fewer than two variants or fewer periods
 *                             than blocks
 * @param blocks               S
 * @param periodsUsed          S · ⌊T / S⌋, the most recent periods
 * @param periodsDropped       T mod S, the oldest periods, left out
 * @param selected             n* of each combination
 * @param inSample             the IS score of n* in each combination
 * @param outOfSample          the OOS score of n* in each combination
 * @param logits               λ of each combination
 * @param probabilityOfLoss    the share of combinations where n* scores below 0 out of sample
 * @param degradationSlope     the slope of the least-squares line of OOS on IS scores over the
 *                             combinations where both are finite; NaN when it has no slope
 * @param degradationIntercept that line's intercept
 */
public record BacktestOverfitting(double probability, int blocks, int periodsUsed, int periodsDropped, int[] selected,
        double[] inSample, double[] outOfSample, double[] logits, double probabilityOfLoss, double degradationSlope,
        double degradationIntercept) {

    /** The largest number of blocks: C(24, 12) = 2,704,156 combinations. */
    public static final int MAX_BLOCKS = 24;

    /**
     * The options of CSCV.
     *
     * @param blocks      S, even, from 2 to {@link #MAX_BLOCKS}; 16 by default, as in the paper
     * @param performance the score ranking the variants; {@link PerformanceFunction#sharpe()} by default
     */
    public record Options(int blocks, PerformanceFunction performance) {

        /** Checks the options. */
        public Options {
            if (blocks < 2 || blocks > MAX_BLOCKS || blocks % 2 != 0) {
                throw new IllegalArgumentException("blocks: expected an even number from 2 to " + MAX_BLOCKS + ", got " + blocks);
            }
            if (performance == null) {
                throw new IllegalArgumentException("performance: expected a performance function, got null");
            }
        }

        /** Returns the defaults: 16 blocks, per-period Sharpe ratio. */
        public static Options defaults() {
            return new Options(16, PerformanceFunction.sharpe());
        }

        /** Returns these options with {@code blocks} blocks. */
        public Options withBlocks(int blocks) {
            return new Options(blocks, performance);
        }

        /** Returns these options scoring variants by {@code performance}. */
        public Options withPerformance(PerformanceFunction performance) {
            return new Options(blocks, performance);
        }
    }

    /** Returns a copy of n* of each combination. */
    @Override
    public int[] selected() {
        return selected.clone();
    }

    /** Returns a copy of the IS scores of n*, one per combination. */
    @Override
    public double[] inSample() {
        return inSample.clone();
    }

    /** Returns a copy of the OOS scores of n*, one per combination. */
    @Override
    public double[] outOfSample() {
        return outOfSample.clone();
    }

    /** Returns a copy of λ, one per combination: the distribution whose mass at or below 0 is PBO. */
    @Override
    public double[] logits() {
        return logits.clone();
    }

    /** Results are equal when every figure and every per-combination array is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BacktestOverfitting b && Double.compare(probability, b.probability) == 0 && blocks == b.blocks
                && periodsUsed == b.periodsUsed && periodsDropped == b.periodsDropped
                && Arrays.equals(selected, b.selected) && Arrays.equals(inSample, b.inSample)
                && Arrays.equals(outOfSample, b.outOfSample) && Arrays.equals(logits, b.logits)
                && Double.compare(probabilityOfLoss, b.probabilityOfLoss) == 0
                && Double.compare(degradationSlope, b.degradationSlope) == 0
                && Double.compare(degradationIntercept, b.degradationIntercept) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(probability) * 31 + Arrays.hashCode(logits);
    }

    /** Returns the summary, {@code BacktestOverfitting[pbo=0.25, blocks=16, combinations=12870, …]}, not the arrays. */
    @Override
    public String toString() {
        return "BacktestOverfitting[pbo=" + probability + ", blocks=" + blocks + ", combinations=" + logits.length
                + ", periodsUsed=" + periodsUsed + ", periodsDropped=" + periodsDropped + ", probabilityOfLoss="
                + probabilityOfLoss + ", degradationSlope=" + degradationSlope + "]";
    }

    /** Returns the number of combinations, C(S, S/2), or 0 when PBO is NaN. */
    public int combinations() {
        return logits.length;
    }

    /** Returns CSCV's PBO of the sweep {@code returns} (one row a variant) with the default options. */
    public static BacktestOverfitting estimate(double[][] returns) {
        return estimate(returns, Options.defaults());
    }

    /**
     * Returns CSCV's PBO of the sweep {@code returns}, {@code returns[v][t]} being variant v's
     * return in period t, every variant over the same periods.
     *
     * @throws IllegalArgumentException when there is no variant or the variants' lengths differ
     */
    public static BacktestOverfitting estimate(double[][] returns, Options options) {
        Sweeps.requireRectangular(returns);
        int variants = returns.length;
        int s = options.blocks();
        int size = returns[0].length / s;
        int dropped = returns[0].length - size * s;
        if (variants < 2 || size == 0) {
            return new BacktestOverfitting(Double.NaN, s, size * s, dropped, new int[0], new double[0], new double[0],
                    new double[0], Double.NaN, Double.NaN, Double.NaN);
        }
        Halves halves = options.performance() instanceof PerformanceFunction.FromMoments moments
                ? new MomentHalves(returns, s, size, dropped, moments)
                : new CopiedHalves(returns, s, size, dropped, options.performance());
        int count = (int) binomial(s, s / 2);
        int[] masks = new int[count];
        int[] combination = new int[s / 2];
        for (int i = 0; i < combination.length; i++) {
            combination[i] = i;
        }
        for (int c = 0; c < count; c++) {
            for (int b : combination) {
                masks[c] |= 1 << b;
            }
            nextCombination(combination, s);
        }
        int[] complements = complements(masks, s);
        int[] selected = new int[count];
        double[] inSample = new double[count];
        double[] outOfSample = new double[count];
        double[] logits = new double[count];
        // The OOS half of a combination is the IS half of its complement, and a half's score
        // depends only on its blocks (summed in ascending order either way): each pair of
        // complementary combinations scores its two halves once. Pairs are independent, each
        // writing its own combinations' slots, so they run in parallel with the same bits.
        int[] pairs = IntStream.range(0, count).filter(c -> c < complements[c]).toArray();
        int chunk = 16; // pairs a task: its two score arrays are allocated once for them
        IntStream.range(0, (pairs.length + chunk - 1) / chunk).parallel().forEach(k -> {
            double[] a = new double[variants];
            double[] b = new double[variants];
            int[] blocks = new int[s / 2];
            for (int p = k * chunk; p < Math.min(pairs.length, (k + 1) * chunk); p++) {
                int c = pairs[p];
                halves.scores(blocksOf(masks[c], blocks), a);
                halves.scores(blocksOf(masks[complements[c]], blocks), b);
                select(a, b, c, selected, inSample, outOfSample, logits);
                select(b, a, complements[c], selected, inSample, outOfSample, logits);
            }
        });
        int overfit = 0;
        int losses = 0;
        SimpleRegression degradation = new SimpleRegression();
        for (int c = 0; c < count; c++) {
            overfit += logits[c] <= 0 ? 1 : 0;
            losses += outOfSample[c] < 0 ? 1 : 0;
            if (Double.isFinite(inSample[c]) && Double.isFinite(outOfSample[c])) {
                degradation.addData(inSample[c], outOfSample[c]); // in combination order: the line's bits depend on it
            }
        }
        return new BacktestOverfitting((double) overfit / count, s, size * s, dropped, selected, inSample, outOfSample,
                logits, (double) losses / count, degradation.getSlope(), degradation.getIntercept());
    }

    /**
     * Records combination {@code c}, whose IS half scores {@code is} and OOS half {@code oos}: its
     * selected variant (the first best IS score), that variant's scores and its OOS logit.
     */
    private static void select(double[] is, double[] oos, int c, int[] selected, double[] inSample, double[] outOfSample,
            double[] logits) {
        int best = 0;
        for (int v = 1; v < is.length; v++) {
            if (compare(is[v], is[best]) > 0) {
                best = v;
            }
        }
        double omega = rank(oos, oos[best]) / (is.length + 1);
        selected[c] = best;
        inSample[c] = is[best];
        outOfSample[c] = oos[best];
        logits[c] = Math.log(omega / (1 - omega));
    }

    /** Returns, for each combination's block mask, the index of the combination holding the other blocks. */
    private static int[] complements(int[] masks, int blocks) {
        int all = (1 << blocks) - 1;
        long[] sorted = new long[masks.length];
        for (int c = 0; c < masks.length; c++) {
            sorted[c] = (long) masks[c] << 32 | c;
        }
        Arrays.sort(sorted);
        int[] complements = new int[masks.length];
        for (int c = 0; c < masks.length; c++) {
            int at = Arrays.binarySearch(sorted, (long) (all & ~masks[c]) << 32);
            at = at < 0 ? -at - 1 : at; // the complement's entry, whatever its index
            complements[c] = (int) sorted[at];
        }
        return complements;
    }

    /** Fills {@code blocks} with the blocks of {@code mask} in ascending order; returns it. */
    private static int[] blocksOf(int mask, int[] blocks) {
        int at = 0;
        for (int b = 0; mask >>> b != 0; b++) {
            if ((mask >>> b & 1) != 0) {
                blocks[at++] = b;
            }
        }
        return blocks;
    }

    /** Orders scores with NaN below every number and NaN equal to NaN. */
    private static int compare(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Boolean.compare(!Double.isNaN(a), !Double.isNaN(b));
        }
        return Double.compare(a == 0 ? 0 : a, b == 0 ? 0 : b); // -0.0 and 0.0 tie
    }

    /** Returns the rank of {@code x} among {@code scores}, 1 the worst, ties at the mean of their ranks. */
    static double rank(double[] scores, double x) {
        int worse = 0;
        int ties = 0;
        for (double y : scores) {
            int cmp = compare(y, x);
            worse += cmp < 0 ? 1 : 0;
            ties += cmp == 0 ? 1 : 0;
        }
        return worse + (ties + 1) / 2.0;
    }

    /** Moves {@code combination} (ascending indices below {@code n}) to the next in lexicographic order. */
    private static void nextCombination(int[] combination, int n) {
        int k = combination.length;
        int i = k - 1;
        while (i >= 0 && combination[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return;
        }
        combination[i]++;
        for (int j = i + 1; j < k; j++) {
            combination[j] = combination[j - 1] + 1;
        }
    }

    /** Returns C(n, k). */
    static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** Scores every variant on one half of a combination. */
    private interface Halves {
        /** Writes into {@code scores} each variant's score on the blocks {@code blocks}, ascending. */
        void scores(int[] blocks, double[] scores);
    }

    /**
     * Scores from each block's sum and sum of squares of the returns' deviations from the
     * variant's first used return: a variant that never varies has deviations of exactly 0, so
     * its Sharpe ratio is NaN, not the ratio of two rounding errors. A variant's blocks are
     * adjacent in one array, read in the half's block order.
     */
    private static final class MomentHalves implements Halves {
        private final double[] shift;
        private final double[] sums;
        private final double[] squares;
        private final int blocks;
        private final int size;
        private final PerformanceFunction.FromMoments performance;

        MomentHalves(double[][] returns, int blocks, int size, int dropped, PerformanceFunction.FromMoments performance) {
            int variants = returns.length;
            this.shift = new double[variants];
            this.sums = new double[variants * blocks];
            this.squares = new double[variants * blocks];
            this.blocks = blocks;
            this.size = size;
            this.performance = performance;
            for (int v = 0; v < variants; v++) {
                shift[v] = returns[v][dropped];
                for (int b = 0; b < blocks; b++) {
                    double sum = 0;
                    double sq = 0;
                    for (int t = dropped + b * size; t < dropped + (b + 1) * size; t++) {
                        double d = returns[v][t] - shift[v];
                        sum += d;
                        sq += d * d;
                    }
                    sums[v * blocks + b] = sum;
                    squares[v * blocks + b] = sq;
                }
            }
        }

        @Override
        public void scores(int[] half, double[] scores) {
            int n = half.length * size;
            for (int v = 0; v < scores.length; v++) {
                int row = v * blocks;
                double sum = 0;
                double sq = 0;
                for (int b : half) {
                    sum += sums[row + b];
                    sq += squares[row + b];
                }
                scores[v] = performance.fromMoments(n, shift[v] + sum / n, Math.max(0, sq - sum * sum / n));
            }
        }
    }

    /** Scores by copying the half's returns, in time order, for any performance function. */
    private static final class CopiedHalves implements Halves {
        private final double[][] returns;
        private final int size;
        private final int dropped;
        private final PerformanceFunction performance;

        CopiedHalves(double[][] returns, int blocks, int size, int dropped, PerformanceFunction performance) {
            this.returns = returns;
            this.size = size;
            this.dropped = dropped;
            this.performance = performance;
        }

        @Override
        public void scores(int[] half, double[] scores) {
            for (int v = 0; v < scores.length; v++) {
                double[] joined = new double[half.length * size];
                for (int i = 0; i < half.length; i++) {
                    System.arraycopy(returns[v], dropped + half[i] * size, joined, i * size, size);
                }
                scores[v] = performance.evaluate(joined);
            }
        }
    }
}

package dev.crashlab.metrics.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSCV against a brute-force implementation written from the paper on small seeded matrices,
 * and on constructed sweeps whose PBO is known.
 */
class BacktestOverfittingTest {

    /** Block sums and two passes over the returns agree to rounding: relative 1e-15, a few orders below this. */
    private static final double ROUNDING = 1e-12;

    /** Returns a sweep of {@code variants} × {@code periods} uniform noise returns in ±2 %, from {@code seed}. */
    private static double[][] noise(long seed, int variants, int periods) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] r = new double[variants][periods];
        for (double[] row : r) {
            for (int t = 0; t < periods; t++) {
                row[t] = random.nextDouble(-0.02, 0.02);
            }
        }
        return r;
    }

    /** The outcome of one combination of the brute force. */
    private record Split(int selected, double inSample, double outOfSample, double logit) {
    }

    /**
     * Brute-force CSCV, straight from the paper: keep the last S ⌊T / S⌋ periods, cut them into
     * S blocks, enumerate every set of S/2 blocks by recursion (lexicographic), join IS and OOS
     * returns, score each variant by a two-pass Sharpe ratio, take the first best IS variant,
     * rank its OOS score by counting (ties at the mean rank), ω̄ = rank / (N + 1).
     */
    private static List<Split> bruteForce(double[][] returns, int blocks) {
        int size = returns[0].length / blocks;
        int first = returns[0].length - size * blocks;
        List<int[]> sets = new ArrayList<>();
        choose(blocks, blocks / 2, 0, new int[0], sets);
        List<Split> out = new ArrayList<>();
        for (int[] set : sets) {
            double[] is = new double[returns.length];
            double[] oos = new double[returns.length];
            for (int v = 0; v < returns.length; v++) {
                List<Double> in = new ArrayList<>();
                List<Double> outOfSample = new ArrayList<>();
                for (int b = 0; b < blocks; b++) {
                    boolean inIs = contains(set, b);
                    for (int t = first + b * size; t < first + (b + 1) * size; t++) {
                        (inIs ? in : outOfSample).add(returns[v][t]);
                    }
                }
                is[v] = twoPassSharpe(in);
                oos[v] = twoPassSharpe(outOfSample);
            }
            int best = 0;
            for (int v = 1; v < is.length; v++) {
                if (is[v] > is[best]) {
                    best = v;
                }
            }
            double below = 0;
            double equal = 0;
            for (double x : oos) {
                below += x < oos[best] ? 1 : 0;
                equal += x == oos[best] ? 1 : 0;
            }
            double omega = (below + (equal + 1) / 2) / (returns.length + 1);
            out.add(new Split(best, is[best], oos[best], Math.log(omega / (1 - omega))));
        }
        return out;
    }

    private static boolean contains(int[] set, int b) {
        for (int x : set) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }

    /** Adds to {@code out} every ascending {@code k}-subset of 0..n-1 extending {@code prefix}, in lexicographic order. */
    private static void choose(int n, int k, int from, int[] prefix, List<int[]> out) {
        if (prefix.length == k) {
            out.add(prefix);
            return;
        }
        for (int i = from; i < n; i++) {
            int[] next = Arrays.copyOf(prefix, prefix.length + 1);
            next[prefix.length] = i;
            choose(n, k, i + 1, next, out);
        }
    }

    private static double twoPassSharpe(List<Double> r) {
        double mean = r.stream().mapToDouble(Double::doubleValue).sum() / r.size();
        double ss = r.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return mean / Math.sqrt(ss / (r.size() - 1));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void matchesTheBruteForceOnSmallSeededSweeps(long seed) {
        SplittableRandom shape = new SplittableRandom(seed * 1_000_003);
        int variants = 2 + shape.nextInt(7);          // 2..8
        int blocks = 2 * (1 + shape.nextInt(4));      // 2, 4, 6 or 8
        int periods = blocks * 3 + shape.nextInt(60); // not always divisible by the blocks
        double[][] returns = noise(seed, variants, periods);
        // A drift per variant so that some variants are better than others.
        for (int v = 0; v < variants; v++) {
            for (int t = 0; t < periods; t++) {
                returns[v][t] += 0.001 * shape.nextDouble() * v;
            }
        }

        BacktestOverfitting pbo = BacktestOverfitting.estimate(returns, BacktestOverfitting.Options.defaults().withBlocks(blocks));
        List<Split> expected = bruteForce(returns, blocks);

        assertThat(pbo.combinations()).isEqualTo(expected.size());
        long overfit = expected.stream().filter(s -> s.logit() <= 0).count();
        assertThat(pbo.probability()).isEqualTo((double) overfit / expected.size());
        assertThat(pbo.periodsDropped()).isEqualTo(periods % blocks);
        for (int c = 0; c < expected.size(); c++) {
            Split s = expected.get(c);
            assertThat(pbo.selected()[c]).as("combination %d", c).isEqualTo(s.selected());
            assertThat(pbo.inSample()[c]).isCloseTo(s.inSample(), within(ROUNDING));
            assertThat(pbo.outOfSample()[c]).isCloseTo(s.outOfSample(), within(ROUNDING));
            assertThat(pbo.logits()[c]).isEqualTo(s.logit());
        }
    }

    @Test
    void anyPerformanceFunctionGoesThroughTheCopiedHalvesAndAgreesWithTheMomentPath() {
        double[][] returns = noise(11, 5, 90);
        PerformanceFunction copied = r -> PerformanceFunction.sharpe().evaluate(r);

        BacktestOverfitting moments = BacktestOverfitting.estimate(returns, BacktestOverfitting.Options.defaults().withBlocks(6));
        BacktestOverfitting general = BacktestOverfitting.estimate(returns,
                BacktestOverfitting.Options.defaults().withBlocks(6).withPerformance(copied));

        assertThat(general.probability()).isEqualTo(moments.probability());
        assertThat(general.selected()).isEqualTo(moments.selected());
        assertThat(general.logits()).isEqualTo(moments.logits());
    }

    @Test
    void aVariantBetterInEveryPeriodIsNeverOverfit() {
        // Variant 3 earns variant 0's return plus 1 % every period, so it has the best Sharpe
        // ratio in and out of sample: OOS rank N, ω̄ = N / (N + 1), λ = ln N > 0 every time.
        double[][] returns = noise(5, 4, 160);
        for (int t = 0; t < 160; t++) {
            returns[3][t] = returns[0][t] * 0.1 + 0.01;
        }

        BacktestOverfitting pbo = BacktestOverfitting.estimate(returns);

        assertThat(pbo.probability()).isZero();
        assertThat(pbo.combinations()).isEqualTo(12_870);
        assertThat(pbo.selected()).containsOnly(3);
        assertThat(pbo.logits()).containsOnly(Math.log(4.0 / 5 / (1 - 4.0 / 5)));
        assertThat(pbo.probabilityOfLoss()).isZero();
    }

    @Test
    void identicalVariantsTieAtTheMedianSoEveryLogitIsZeroAndPboIsOne() {
        // All N OOS scores tie: rank (N + 1) / 2, ω̄ = 1/2, λ = 0, which the paper's λ <= 0 counts.
        double[] one = noise(8, 1, 64)[0];
        double[][] returns = {one.clone(), one.clone(), one.clone()};

        BacktestOverfitting pbo = BacktestOverfitting.estimate(returns, BacktestOverfitting.Options.defaults().withBlocks(8));

        assertThat(pbo.logits()).containsOnly(0.0);
        assertThat(pbo.probability()).isEqualTo(1.0);
        assertThat(pbo.selected()).containsOnly(0);
    }

    @Test
    void pureNoiseIsOverfitHalfTheTimeOnAverage() {
        // With IID noise, variants are exchangeable and IS and OOS independent: the selected
        // variant's OOS rank is uniform on 1..N, so for even N, E[PBO] = P(rank <= N/2) = 1/2.
        // The K sweeps' PBOs are independent and in [0, 1], so each has variance <= 1/4
        // (Popoviciu) and their mean a standard deviation <= 0.5 / √K: 4 of those is the tolerance.
        int k = 2_000;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += BacktestOverfitting.estimate(noise(1_000 + i, 10, 64), BacktestOverfitting.Options.defaults()
                    .withBlocks(8)).probability();
        }

        assertThat(sum / k).isCloseTo(0.5, within(4 * 0.5 / Math.sqrt(k)));
    }

    @Test
    void dropsTheOldestPeriodsWhenTheBlocksDoNotDivideThem() {
        // 35 periods in 4 blocks of 8: periods 0-2 are left out, period 3 starts block 0.
        double[][] returns = noise(21, 4, 35);
        BacktestOverfitting base = BacktestOverfitting.estimate(returns, BacktestOverfitting.Options.defaults().withBlocks(4));
        double[][] oldChanged = Arrays.stream(returns).map(double[]::clone).toArray(double[][]::new);
        double[][] keptChanged = Arrays.stream(returns).map(double[]::clone).toArray(double[][]::new);
        for (int v = 0; v < 4; v++) {
            oldChanged[v][0] = oldChanged[v][1] = oldChanged[v][2] = 0.5 * v;
            keptChanged[v][3] = 0.5 * v;
        }

        assertThat(base.periodsUsed()).isEqualTo(32);
        assertThat(base.periodsDropped()).isEqualTo(3);
        assertThat(BacktestOverfitting.estimate(oldChanged, BacktestOverfitting.Options.defaults().withBlocks(4)).inSample())
                .isEqualTo(base.inSample());
        assertThat(BacktestOverfitting.estimate(keptChanged, BacktestOverfitting.Options.defaults().withBlocks(4)).inSample())
                .isNotEqualTo(base.inSample());
    }

    @Test
    void aVariantWithoutAScoreRanksBelowEveryOtherAndIsNeverSelected() {
        double[][] returns = noise(9, 3, 48);
        Arrays.fill(returns[1], 0.001); // never varies: Sharpe ratio NaN

        BacktestOverfitting pbo = BacktestOverfitting.estimate(returns, BacktestOverfitting.Options.defaults().withBlocks(4));

        assertThat(pbo.selected()).doesNotContain(1);
        assertThat(BacktestOverfitting.rank(new double[] {Double.NaN, 0.2, 0.1}, 0.1)).isEqualTo(2);
        assertThat(BacktestOverfitting.rank(new double[] {Double.NaN, 0.2, Double.NaN}, Double.NaN)).isEqualTo(1.5);
    }

    @Test
    void theDegradationLineIsTheLeastSquaresFitOfOutOfSampleOnInSample() {
        BacktestOverfitting pbo = BacktestOverfitting.estimate(noise(4, 6, 96), BacktestOverfitting.Options.defaults()
                .withBlocks(6));
        double[] x = pbo.inSample();
        double[] y = pbo.outOfSample();
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        assertThat(pbo.degradationSlope()).isCloseTo(sxy / sxx, within(1e-12));
        assertThat(pbo.degradationIntercept()).isCloseTo(my - sxy / sxx * mx, within(1e-12));
        long losses = Arrays.stream(y).filter(v -> v < 0).count();
        assertThat(pbo.probabilityOfLoss()).isEqualTo((double) losses / y.length);
    }

    @Test
    void tooFewVariantsOrPeriodsGiveNaN() {
        assertThat(BacktestOverfitting.estimate(noise(1, 1, 100)).probability()).isNaN();
        BacktestOverfitting shortSweep = BacktestOverfitting.estimate(noise(1, 3, 15));
        assertThat(shortSweep.probability()).isNaN();
        assertThat(shortSweep.combinations()).isZero();
    }

    @Test
    void rejectsBadOptionsNamingTheField() {
        assertThatThrownBy(() -> BacktestOverfitting.Options.defaults().withBlocks(7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blocks: expected an even number from 2 to 24, got 7");
        assertThatThrownBy(() -> BacktestOverfitting.Options.defaults().withBlocks(26))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BacktestOverfitting.Options.defaults().withPerformance(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("performance: expected a performance function, got null");
    }

    @Test
    void showsItsSummaryNotItsArraysAndComparesByValue() {
        double[][] returns = noise(12, 4, 40);
        BacktestOverfitting pbo = BacktestOverfitting.estimate(returns, BacktestOverfitting.Options.defaults().withBlocks(4));

        assertThat(pbo).isEqualTo(BacktestOverfitting.estimate(returns, BacktestOverfitting.Options.defaults().withBlocks(4)));
        assertThat(pbo.toString()).startsWith("BacktestOverfitting[pbo=" + pbo.probability() + ", blocks=4, combinations=6, "
                + "periodsUsed=40, periodsDropped=0, probabilityOfLoss=");
    }

    /**
     * Each half scored once (a combination's OOS half is its complement's IS half), in parallel,
     * gives the bits of scoring both halves of every combination in turn from the same block
     * sums, as CSCV did before: on seeded sweeps with tied and constant variants, every block count.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6, 8, 10, 12})
    void scoringEachHalfOnceGivesTheBitsOfScoringEveryCombination(int blocks) {
        SplittableRandom random = new SplittableRandom(blocks);
        for (int round = 0; round < 4; round++) {
            double[][] returns = noise(random.nextLong(), 1 + random.nextInt(40), blocks * (1 + random.nextInt(12))
                    + random.nextInt(blocks));
            if (returns.length > 2) {
                returns[1] = returns[0].clone(); // ties
                Arrays.fill(returns[2], 0.01); // a Sharpe ratio of NaN
            }
            BacktestOverfitting pbo = BacktestOverfitting.estimate(returns, BacktestOverfitting.Options.defaults()
                    .withBlocks(blocks));
            BacktestOverfitting reference = everyCombinationInTurn(returns, blocks);

            assertThat(pbo).isEqualTo(reference);
            assertThat(Double.doubleToRawLongBits(pbo.degradationSlope()))
                    .isEqualTo(Double.doubleToRawLongBits(reference.degradationSlope()));
        }
    }

    /** CSCV as it was before halves were shared: both halves of each combination scored from the block sums, in turn. */
    private static BacktestOverfitting everyCombinationInTurn(double[][] returns, int s) {
        int variants = returns.length;
        int size = returns[0].length / s;
        int dropped = returns[0].length - size * s;
        if (variants < 2 || size == 0) {
            return BacktestOverfitting.estimate(returns, BacktestOverfitting.Options.defaults().withBlocks(s));
        }
        double[] shift = new double[variants];
        double[][] sums = new double[variants][s];
        double[][] squares = new double[variants][s];
        for (int v = 0; v < variants; v++) {
            shift[v] = returns[v][dropped];
            for (int b = 0; b < s; b++) {
                for (int t = dropped + b * size; t < dropped + (b + 1) * size; t++) {
                    sums[v][b] += returns[v][t] - shift[v];
                    squares[v][b] += (returns[v][t] - shift[v]) * (returns[v][t] - shift[v]);
                }
            }
        }
        List<int[]> sets = new ArrayList<>();
        choose(s, s / 2, 0, new int[0], sets);
        int count = sets.size();
        int[] selected = new int[count];
        double[] inSample = new double[count];
        double[] outOfSample = new double[count];
        double[] logits = new double[count];
        int overfit = 0;
        int losses = 0;
        org.apache.commons.math3.stat.regression.SimpleRegression line = new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int c = 0; c < count; c++) {
            double[][] scores = new double[2][variants];
            for (int v = 0; v < variants; v++) {
                for (int half = 0; half < 2; half++) {
                    double sum = 0;
                    double sq = 0;
                    int n = 0;
                    for (int b = 0; b < s; b++) {
                        if (contains(sets.get(c), b) == (half == 0)) {
                            sum += sums[v][b];
                            sq += squares[v][b];
                            n += size;
                        }
                    }
                    scores[half][v] = PerformanceFunction.sharpe().fromMoments(n, shift[v] + sum / n,
                            Math.max(0, sq - sum * sum / n));
                }
            }
            int best = 0;
            for (int v = 1; v < variants; v++) {
                double a = scores[0][v];
                double b = scores[0][best];
                if (!Double.isNaN(a) && (Double.isNaN(b) || (a == 0 ? 0 : a) > (b == 0 ? 0 : b))) {
                    best = v;
                }
            }
            double omega = BacktestOverfitting.rank(scores[1], scores[1][best]) / (variants + 1);
            selected[c] = best;
            inSample[c] = scores[0][best];
            outOfSample[c] = scores[1][best];
            logits[c] = Math.log(omega / (1 - omega));
            overfit += logits[c] <= 0 ? 1 : 0;
            losses += outOfSample[c] < 0 ? 1 : 0;
            if (Double.isFinite(inSample[c]) && Double.isFinite(outOfSample[c])) {
                line.addData(inSample[c], outOfSample[c]);
            }
        }
        return new BacktestOverfitting((double) overfit / count, s, size * s, dropped, selected, inSample, outOfSample,
                logits, (double) losses / count, line.getSlope(), line.getIntercept());
    }

    @Test
    void countsCombinationsAsBinomials() {
        assertThat(BacktestOverfitting.binomial(16, 8)).isEqualTo(12_870);
        assertThat(BacktestOverfitting.binomial(24, 12)).isEqualTo(2_704_156);
    }
}

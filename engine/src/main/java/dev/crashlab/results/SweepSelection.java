package dev.crashlab.results;

import dev.crashlab.metrics.selection.BacktestOverfitting;
import dev.crashlab.metrics.selection.DeflatedSharpeRatio;
import dev.crashlab.metrics.selection.ParameterStability;
import dev.crashlab.metrics.selection.ProbabilisticSharpeRatio;
import dev.crashlab.metrics.selection.SharpeEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * How much the figures of a sweep's chosen variant owe to having tried many: the selection
 * statistics of {@code dev.crashlab.metrics.selection} over the sweep's variants × periods matrix
 * of period returns, as {@code sweep.json}'s {@code selection} holds them.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Sharpe ratios are per period (per day for daily bars) and without the risk-free rate;
 *       the annualised one is SR · √P. Skewness and kurtosis are those of the chosen variant's
 *       period returns, kurtosis not in excess (3 for normal returns).</li>
 *   <li>PSR is the probability that the chosen variant's true Sharpe ratio is above 0 (Bailey and
 *       López de Prado 2012); DSR the probability that it is above SR*₀, the Sharpe ratio the best
 *       of N trials without skill would be expected to show, with N the number of variants and V
 *       the sample variance of their Sharpe ratios (Bailey and López de Prado 2014). The variants
 *       of a grid are correlated, so N overstates the independent trials: DSR errs low.</li>
 *   <li>PBO is estimated by CSCV over S blocks (Bailey, Borwein, López de Prado and Zhu 2015),
 *       ranking variants by their per-period Sharpe ratio in each half, whatever the sweep's
 *       metric, as the paper does.</li>
 *   <li>Stability is measured on the sweep's metric over the grid (see {@link Stability}).</li>
 * </ul>
 *
 * @param variant               the chosen variant (the best by the sweep's metric), −1 when no
 *                              variant has a value of the metric
 * @param trials                N, the number of variants
 * @param periods               T, the number of period returns of each variant
 * @param periodsPerYear        P, which annualises a per-period Sharpe ratio by √P
 * @param sharpe                SR, the chosen variant's per-period Sharpe ratio
 * @param skewness              γ₃ of its period returns
 * @param kurtosis              γ₄ of its period returns, not in excess
 * @param probabilisticSharpe   PSR(0), a probability
 * @param trialSharpeVariance   V, the variance of the variants' per-period Sharpe ratios
 * @param expectedMaximumSharpe SR*₀, per period
 * @param deflatedSharpe        DSR = PSR(SR*₀), a probability
 * @param overfitting           the probability of backtest overfitting and what shows it
 * @param stability             how the chosen cell stands out from its neighbours on the grid
 */
public record SweepSelection(int variant, int trials, int periods, double periodsPerYear, double sharpe,
        double skewness, double kurtosis, double probabilisticSharpe, double trialSharpeVariance,
        double expectedMaximumSharpe, double deflatedSharpe, Overfitting overfitting, Stability stability) {

    /** The number of bins of the λ histogram, even, so that 0 is the edge between two bins. */
    public static final int LOGIT_BINS = 20;

    /** The most (IS, OOS) pairs kept for the degradation scatter: all C(16, 8) of the default blocks. */
    public static final int MAX_DEGRADATION_PAIRS = 12_870;

    /**
     * The probability of backtest overfitting by CSCV.
     *
     * @param probability          PBO: the share of the C(S, S/2) splits in which the variant best
     *                             in sample ranks at or below the median out of sample (λ ≤ 0)
     * @param blocks               S
     * @param combinations         C(S, S/2), the splits; 0 when PBO is undefined (fewer than two
     *                             variants, or fewer periods than blocks)
     * @param periodsUsed          S · ⌊T / S⌋, the most recent periods
     * @param periodsDropped       T mod S, the oldest periods, left out
     * @param probabilityOfLoss    the share of splits whose in-sample best scores below 0 out of sample
     * @param degradationSlope     the slope of the least-squares line of out-of-sample on in-sample
     *                             Sharpe ratio of the in-sample best, over the splits
     * @param degradationIntercept that line's intercept
     * @param logits               the histogram of λ over every split, {@value #LOGIT_BINS} bins of
     *                             equal width over [−ln N, ln N] (λ's range); the first bin holds
     *                             its lower end, every bin its upper end, so the bins up to 0 hold PBO
     * @param degradationEvery     k: the pairs below are those of every k-th split (1 up to
     *                             {@value #MAX_DEGRADATION_PAIRS} splits)
     * @param inSample             the in-sample per-period Sharpe ratio of the in-sample best, per kept split
     * @param outOfSample          its out-of-sample per-period Sharpe ratio, per kept split
     */
    public record Overfitting(double probability, int blocks, int combinations, int periodsUsed, int periodsDropped,
            double probabilityOfLoss, double degradationSlope, double degradationIntercept, List<LogitBin> logits,
            int degradationEvery, List<Double> inSample, List<Double> outOfSample) {

        public Overfitting {
            logits = List.copyOf(logits);
            inSample = List.copyOf(inSample);
            outOfSample = List.copyOf(outOfSample);
            if (inSample.size() != outOfSample.size()) {
                throw new ResultsException("outOfSample", outOfSample.size() + " values for " + inSample.size()
                        + " in-sample values");
            }
        }

        /** Returns whether PBO could be estimated. */
        public boolean defined() {
            return combinations > 0;
        }
    }

    /**
     * A bin of the λ histogram: the splits with λ in (from, to] (the first bin: [from, to]).
     *
     * @param from  the lower edge
     * @param to    the upper edge
     * @param count the splits in the bin
     */
    public record LogitBin(double from, double to, int count) {
    }

    /**
     * How much the sweep's metric drops from the chosen cell of the grid to its neighbours, one
     * grid step away along one axis ({@link ParameterStability.Neighbourhood#AXIS_STEPS}): a
     * plateau is likelier to hold out of sample than a lone peak. Figures are in the metric's unit
     * and direction: a drop is how much worse the neighbours are, so it is at least 0 whether
     * higher or lower is better.
     *
     * @param coordinates   the chosen cell's index along each axis; empty when no variant has a value
     * @param neighbours    how many neighbours have a value
     * @param neighbourMean the mean of their metric
     * @param neighbourWorst the worst of their metric
     * @param dropToMean    how much worse the neighbours' mean is than the chosen cell
     * @param dropToWorst   how much worse the worst neighbour is
     * @param relativeDrop  dropToMean / |the chosen cell's metric|; NaN when that is 0
     * @param edges         the axes on whose first or last value the chosen cell sits (axes of
     *                      one value have no edge): the optimum may lie beyond, widen the grid
     */
    public record Stability(List<Integer> coordinates, int neighbours, double neighbourMean, double neighbourWorst,
            double dropToMean, double dropToWorst, double relativeDrop, List<Edge> edges) {

        public Stability {
            coordinates = List.copyOf(coordinates);
            edges = List.copyOf(edges);
        }

        /** Returns whether the chosen cell sits on the grid's edge. */
        public boolean onEdge() {
            return !edges.isEmpty();
        }
    }

    /**
     * The chosen cell on an edge of the grid.
     *
     * @param parameter the axis
     * @param end       {@code first} or {@code last}: which end of the axis's values, as listed
     * @param value     the value there
     */
    public record Edge(String parameter, String end, JsonNode value) {

        public Edge {
            Objects.requireNonNull(parameter, "parameter");
            if (!end.equals("first") && !end.equals("last")) {
                throw new ResultsException("end", "expected \"first\" or \"last\", got \"" + end + "\"");
            }
            Objects.requireNonNull(value, "value");
        }
    }

    public SweepSelection {
        Objects.requireNonNull(overfitting, "overfitting");
        Objects.requireNonNull(stability, "stability");
    }

    /**
     * Returns the selection statistics of a sweep.
     *
     * @param returns the variants' period returns, row v variant v's, in grid order (read, never written)
     * @param axes    the grid's axes; variants in row-major order, the last axis varying fastest
     * @param metrics the variants' metrics, in grid order
     * @param metric  the metric that chose the variant
     * @param blocks  S, the CSCV blocks
     * @throws IllegalArgumentException when the matrix, the grid and the metrics do not fit together
     */
    public static SweepSelection of(double[][] returns, List<SweepAxis> axes, List<RunMetrics> metrics, Metric metric,
            int blocks) {
        int n = returns.length;
        int[] shape = axes.stream().mapToInt(SweepAxis::size).toArray();
        if (metrics.size() != n) {
            throw new IllegalArgumentException(metrics.size() + " variants' metrics for " + n + " rows of returns");
        }
        double[] values = metrics.stream().mapToDouble(metric::of).toArray();
        int chosen = metric.bestOf(values);
        DeflatedSharpeRatio dsr = chosen < 0 ? DeflatedSharpeRatio.ofSweep(returns) : DeflatedSharpeRatio.ofSweep(returns, chosen);
        SharpeEstimate estimate = chosen < 0 ? new SharpeEstimate(Double.NaN, n == 0 ? 0 : returns[0].length, Double.NaN,
                Double.NaN) : dsr.estimate();
        BacktestOverfitting pbo = BacktestOverfitting.estimate(returns,
                BacktestOverfitting.Options.defaults().withBlocks(blocks));
        return new SweepSelection(chosen, n, returns[0].length, Figures.figure(metrics.getFirst().periodsPerYear()),
                Figures.figure(estimate.sharpe()), Figures.figure(estimate.skewness()),
                Figures.figure(estimate.kurtosis()),
                chosen < 0 ? Double.NaN : Figures.figure(ProbabilisticSharpeRatio.of(estimate, 0)),
                Figures.figure(dsr.trialSharpeVariance()), Figures.figure(dsr.expectedMaximumSharpe()),
                chosen < 0 ? Double.NaN : Figures.figure(dsr.probability()), overfitting(pbo, n),
                stability(shape, values, metric, chosen, axes));
    }

    private static Overfitting overfitting(BacktestOverfitting pbo, int variants) {
        double[] logits = pbo.logits();
        List<LogitBin> bins = new ArrayList<>();
        if (logits.length > 0) {
            double bound = Math.log(variants);
            double width = 2 * bound / LOGIT_BINS;
            int[] counts = new int[LOGIT_BINS];
            for (double lambda : logits) {
                // Bins are (from, to], the first [from, to]: λ = 0 falls in the bin that ends at 0.
                int bin = (int) Math.ceil((lambda + bound) / width) - 1;
                counts[Math.clamp(bin, 0, LOGIT_BINS - 1)]++;
            }
            for (int b = 0; b < LOGIT_BINS; b++) {
                // Edges from the middle out, so that the middle edge is exactly 0.
                bins.add(new LogitBin(Figures.figure((b - LOGIT_BINS / 2) * width),
                        Figures.figure((b + 1 - LOGIT_BINS / 2) * width), counts[b]));
            }
        }
        int every = Math.max(1, (logits.length + MAX_DEGRADATION_PAIRS - 1) / MAX_DEGRADATION_PAIRS);
        double[] is = pbo.inSample();
        double[] oos = pbo.outOfSample();
        List<Double> inSample = new ArrayList<>();
        List<Double> outOfSample = new ArrayList<>();
        for (int c = 0; c < is.length; c += every) {
            inSample.add(Figures.figure(is[c]));
            outOfSample.add(Figures.figure(oos[c]));
        }
        return new Overfitting(Figures.figure(pbo.probability()), pbo.blocks(), pbo.combinations(), pbo.periodsUsed(),
                pbo.periodsDropped(), Figures.figure(pbo.probabilityOfLoss()), Figures.figure(pbo.degradationSlope()),
                Figures.figure(pbo.degradationIntercept()), bins, every, inSample, outOfSample);
    }

    private static Stability stability(int[] shape, double[] values, Metric metric, int chosen, List<SweepAxis> axes) {
        double[] signed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            signed[i] = metric.better() * values[i];
        }
        ParameterStability s = ParameterStability.of(shape, signed);
        if (s.best() != chosen) {
            throw new IllegalStateException("the grid's best cell " + s.best() + " is not the chosen variant " + chosen);
        }
        if (chosen < 0) {
            return new Stability(List.of(), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        List<Edge> edges = new ArrayList<>();
        for (int axis : s.edgeAxes()) {
            SweepAxis a = axes.get(axis);
            boolean first = s.coordinates().get(axis) == 0;
            edges.add(new Edge(a.parameter(), first ? "first" : "last", a.values().get(first ? 0 : a.size() - 1)));
        }
        double best = values[chosen];
        return new Stability(s.coordinates(), s.neighbours(), Figures.figure(metric.better() * s.neighbourMean()),
                Figures.figure(metric.better() * s.neighbourMin()), Figures.figure(s.dropToMean()),
                Figures.figure(s.dropToMin()), best == 0 ? Double.NaN : Figures.figure(s.dropToMean() / Math.abs(best)),
                edges);
    }
}

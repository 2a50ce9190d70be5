package dev.crashlab.stress;

import dev.crashlab.Crashlab;
import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestBatch;
import dev.crashlab.backtest.BacktestException;
import dev.crashlab.backtest.VariantCurve;
import dev.crashlab.clock.MarketClock;
import dev.crashlab.metrics.resampling.BlockLength;
import dev.crashlab.metrics.resampling.CrisisReplay;
import dev.crashlab.metrics.resampling.DayPath;
import dev.crashlab.metrics.resampling.StationaryBootstrap;
import dev.crashlab.results.Figures;
import dev.crashlab.results.Quantiles;
import dev.crashlab.results.RegimeWindow;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.StrategyInfo;
import dev.crashlab.results.StressDistribution;
import dev.crashlab.results.StressFigures;
import dev.crashlab.results.StressProbabilities;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.StressSet;
import dev.crashlab.results.StressSteps;
import dev.crashlab.results.StressTerms;
import dev.crashlab.strategy.CrisisWindow;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stress test re-runs one backtest on many resampled histories ({@link ResampledHistory}), so
 * that a strategy is judged on a distribution of outcomes, not on the one path history took. Every
 * path pays the run's fees, slippage, funding and borrow, meets its margin calls and liquidations,
 * receives its contributions and runs beside its benchmark, through the engine's batch path
 * ({@link BacktestBatch}); only the regime classifier, which cannot trade, is not run on paths.
 *
 * <pre>{@code
 * StressTest test = StressTest.of(backtest, StressOptions.DEFAULTS);
 * List<StressTest.Path> paths = IntStream.range(0, test.size()).mapToObj(test::path).toList();
 * StressResults results = test.results(test.historical(), paths, Instant.now());
 * }</pre>
 *
 * <h2>Paths</h2>
 * Path k (0 &lt;= k &lt; {@link #size()}) is path k mod N of method k / N, N the paths per
 * method, the methods in the order of the options. A path's days come from
 * {@link StationaryBootstrap} or {@link CrisisReplay} of the options' seed, aligned to the
 * history's period (7 when some instrument or series keeps weekends free), and depend on (seed,
 * method, k) alone, so the same seed gives the same numbers on any number of threads.
 *
 * <h2>Mean block length</h2>
 * Configured, or by default {@link BlockLength#automatic} (Politis and White 2004, with the
 * correction of Patton, Politis and White 2009) over each instrument's daily log returns and
 * their absolute values on the sample days: the longest of their block lengths. Returns
 * themselves are nearly uncorrelated, so their own block lengths are a day or a few (on the real
 * 2018–2025 crypto and US-ETF history, 1 to 7 days), which would cut every crash into unrelated
 * days and mix a crash month's aftermath with calm days. What a stress test measures (drawdown
 * depth and length, margin calls, liquidations) depends on volatility clustering, the dependence
 * of |r|, which lasts months (86 to 108 days on that history): blocks that long keep calm and
 * turbulent stretches together while leaving about 27 blocks in 8 years. Published series are
 * left out of the estimate: levels and flows are persistent by construction, and their block
 * length measures their trend, not how crash days follow one another.
 *
 * <h2>Crisis windows</h2>
 * Crisis replay splices the backtest's crisis windows ({@link Backtest#crises()}, the windows its
 * crisis scorecard scores: for a configured run {@link CrisisWindow#BUILT_IN}, then its own
 * {@code crises}), each name once per path; a window that does not lie within the sample is left out, with a note in the results.
 *
 * <h2>Threads</h2>
 * {@link #path} may be called from several threads at once: the test holds no mutable state,
 * and each path builds its own data and runs its own batch.
 */
public final class StressTest {

    /** Bins of each histogram. */
    static final int BINS = 30;

    private final Backtest base;
    private final StressOptions options;
    private final ResampledHistory history;
    private final StationaryBootstrap bootstrap;
    private final CrisisReplay replay;
    private final String blockLengthRule;
    private final List<CrisisWindow> windows;
    private final List<String> notes;
    private final long[] stepTimes;

    /**
     * One path's outcome. Serializable, so that an executor may run paths in other JVMs and send
     * them back.
     *
     * @param method  how it was made
     * @param path    its number within its method, from 0
     * @param figures its figures
     * @param equity  its equity at each step's close
     * @param invested initial cash plus the net flows paid in by each step
     */
    public record Path(StressMethod method, int path, StressFigures figures, double[] equity, double[] invested)
            implements Serializable {
        public Path {
            Objects.requireNonNull(figures, "figures");
        }
    }

    private StressTest(Backtest base, StressOptions options) {
        this.base = base;
        this.options = options;
        MarketClock clock = MarketClock.of(base.data(), base.start(), base.end());
        if (clock.size() == 0) {
            throw new IllegalArgumentException(base.name() + ": no bars between " + base.start() + " and " + base.end());
        }
        this.stepTimes = new long[clock.size()];
        for (int t = 0; t < stepTimes.length; t++) {
            stepTimes[t] = clock.timeMillis(t);
        }
        LocalDate first = date(stepTimes[0]);
        LocalDate last = date(stepTimes[stepTimes.length - 1]);
        this.history = ResampledHistory.of(base.data(), first, last);
        List<String> notes = new ArrayList<>();
        if (options.methods().contains(StressMethod.BOOTSTRAP)) {
            double block = options.meanBlockDays();
            if (Double.isNaN(block)) {
                double[][] returns = history.dailyLogReturns();
                double[][] series = new double[2 * returns.length][];
                for (int i = 0; i < returns.length; i++) {
                    series[2 * i] = returns[i];
                    series[2 * i + 1] = Arrays.stream(returns[i]).map(Math::abs).toArray();
                }
                block = BlockLength.automatic(series);
                blockLengthRule = "politis-white";
            } else {
                blockLengthRule = "configured";
            }
            this.bootstrap = new StationaryBootstrap(history.days(), Math.min(block, history.days()), options.seed(),
                    history.period());
        } else {
            this.bootstrap = null;
            this.blockLengthRule = "";
        }
        if (options.methods().contains(StressMethod.CRISIS_REPLAY)) {
            List<CrisisWindow> candidates = base.crises();
            List<CrisisWindow> inside = new ArrayList<>();
            for (CrisisWindow w : candidates) {
                if (w.from().isBefore(history.firstDay()) || w.to().isAfter(history.lastDay())) {
                    notes.add("crisis window '" + w.name() + "' (" + w.from() + " to " + w.to() + ") is left out: it does"
                            + " not lie within the sample " + history.firstDay() + " to " + history.lastDay());
                } else if (inside.stream().noneMatch(c -> c.name().equals(w.name()))) {
                    inside.add(w);
                }
            }
            if (inside.isEmpty()) {
                throw new IllegalArgumentException(base.name() + ": crisis replay needs a crisis window within "
                        + history.firstDay() + " to " + history.lastDay() + ", but "
                        + (candidates.isEmpty() ? "the backtest has no crisis windows (Backtest.Builder#crises)"
                                : "none of " + candidates.stream().map(CrisisWindow::name).toList() + " lies there"));
            }
            this.windows = List.copyOf(inside);
            this.replay = new CrisisReplay(history.dates(), windows, options.seed(), history.period());
        } else {
            this.windows = List.of();
            this.replay = null;
        }
        this.notes = List.copyOf(notes);
    }

    private static LocalDate date(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * Returns the stress test of {@code backtest} with {@code options}: its history arranged for
     * resampling and its path generators made, nothing run yet.
     *
     * @throws IllegalArgumentException when the data are not daily bars, crisis replay has no
     *                                  window to replay, or the windows do not fit the sample
     */
    public static StressTest of(Backtest backtest, StressOptions options) {
        return new StressTest(Objects.requireNonNull(backtest, "backtest"), Objects.requireNonNull(options, "options"));
    }

    /** Returns the backtest the paths re-run. */
    public Backtest backtest() {
        return base;
    }

    /** Returns the options. */
    public StressOptions options() {
        return options;
    }

    /** Returns the history the paths resample. */
    public ResampledHistory history() {
        return history;
    }

    /** Returns the crisis windows replayed, in order (empty without crisis replay). */
    public List<CrisisWindow> windows() {
        return windows;
    }

    /** Returns the bootstrap's mean block length in days, NaN without a bootstrap. */
    public double meanBlockDays() {
        return bootstrap == null ? Double.NaN : bootstrap.meanBlockLength();
    }

    /** Returns the number of paths of all methods together. */
    public int size() {
        return options.paths() * options.methods().size();
    }

    /** Returns the method of path {@code k}. */
    public StressMethod method(int k) {
        return options.methods().get(k / options.paths());
    }

    /** Returns the day path of path {@code k}: which sample day each day of its history is read from. */
    public DayPath days(int k) {
        int n = k % options.paths();
        return method(k) == StressMethod.BOOTSTRAP ? bootstrap.path(n) : replay.path(n).path();
    }

    /**
     * Runs path {@code k} (0 &lt;= k &lt; {@link #size()}) and returns its outcome.
     *
     * @throws BacktestException naming the path when its run fails or is refused
     */
    public Path path(int k) {
        if (k < 0 || k >= size()) {
            throw new IllegalArgumentException("expected a path in [0, " + size() + "), got " + k);
        }
        StressMethod method = method(k);
        int n = k % options.paths();
        try {
            Backtest resampled = base.withData(history.along(days(k)));
            return outcome(method, n, BacktestBatch.of(resampled).runCurve(n, base.strategy()));
        } catch (BacktestException | IllegalArgumentException e) {
            throw new BacktestException(base.name() + ": stress path " + n + " (" + method + "): " + e.getMessage(), e);
        }
    }

    /** Runs the backtest on its real history through the same batch path and returns its outcome, path -1. */
    public Path historical() {
        return outcome(null, -1, BacktestBatch.of(base).runCurve(-1, base.strategy()));
    }

    private Path outcome(StressMethod method, int n, VariantCurve curve) {
        double[] invested = new double[curve.contributed().length];
        for (int t = 0; t < invested.length; t++) {
            invested[t] = base.initialCash() + curve.contributed()[t];
        }
        return new Path(method, n, StressFigures.of(curve.outcome().metrics()), curve.equity(), invested);
    }

    /**
     * Returns the stress results of the {@code historical} run and the {@code paths}, given in path
     * order (path k at index k), stamped {@code generatedAt}.
     *
     * @throws IllegalArgumentException when the paths are not this test's, in order
     */
    public StressResults results(Path historical, List<Path> paths, Instant generatedAt) {
        if (paths.size() != size()) {
            throw new IllegalArgumentException("expected " + size() + " paths, got " + paths.size());
        }
        long[] times = stepTimes;
        List<StressSet> sets = new ArrayList<>();
        for (int m = 0; m < options.methods().size(); m++) {
            List<Path> set = paths.subList(m * options.paths(), (m + 1) * options.paths());
            for (int i = 0; i < set.size(); i++) {
                if (set.get(i).method() != options.methods().get(m) || set.get(i).path() != i) {
                    throw new IllegalArgumentException("path " + (m * options.paths() + i) + " is path " + set.get(i).path()
                            + " of " + set.get(i).method() + ", expected path " + i + " of " + options.methods().get(m));
                }
            }
            sets.add(set(options.methods().get(m), set, historical.figures(), times.length));
        }
        ObjectNode parameters = (ObjectNode) ResultsJson.toTree(base.parameters());
        StrategyInfo strategy = new StrategyInfo(base.strategy().get().name(), parameters);
        StressTerms terms = new StressTerms(options.paths(), options.seed(),
                options.methods().stream().map(StressMethod::label).toList(), Figures.figure(meanBlockDays()),
                blockLengthRule, history.period(), history.firstDay(), history.lastDay(), history.days(),
                options.drawdownThresholds(),
                windows.stream().map(w -> new RegimeWindow(w.name(), w.from(), w.to(), w.description())).toList(), notes);
        StressSteps steps = new StressSteps(Arrays.stream(times).mapToObj(Instant::ofEpochMilli).toList(),
                Figures.figures(historical.invested()), Figures.figures(historical.equity()));
        return new StressResults(StressResults.SCHEMA, Crashlab.version(), generatedAt, base.name(), strategy, terms, steps,
                historical.figures(), sets);
    }

    private StressSet set(StressMethod method, List<Path> paths, StressFigures historical, int steps) {
        List<StressFigures> figures = paths.stream().map(Path::figures).toList();
        List<StressProbabilities.DrawdownBeyond> beyond = options.drawdownThresholds().stream()
                .map(d -> new StressProbabilities.DrawdownBeyond(d, Quantiles.share(figures, f -> f.maxDrawdown() < d)))
                .toList();
        StressProbabilities probabilities = new StressProbabilities(Quantiles.share(figures, StressFigures::liquidated),
                Quantiles.share(figures, StressFigures::belowContributions), beyond);
        List<StressDistribution> distributions = new ArrayList<>();
        for (String name : StressFigures.DISTRIBUTED) {
            StressFigures.Field field = StressFigures.field(name).orElseThrow();
            double[] values = figures.stream().mapToDouble(field.value()).toArray();
            distributions.add(distribution(name, values, field.value().applyAsDouble(historical)));
        }
        List<StressSet.StressBand> fan = new ArrayList<>();
        double[][] bands = new double[Quantiles.LEVELS.size()][steps];
        double[] column = new double[paths.size()];
        for (int t = 0; t < steps; t++) {
            for (int p = 0; p < paths.size(); p++) {
                column[p] = paths.get(p).equity()[t];
            }
            double[] sorted = Quantiles.sortedDefined(column);
            for (int b = 0; b < bands.length; b++) {
                bands[b][t] = Quantiles.ofSorted(sorted, Quantiles.LEVELS.get(b));
            }
        }
        for (int b = 0; b < bands.length; b++) {
            fan.add(new StressSet.StressBand(Quantiles.LEVELS.get(b), Figures.figures(bands[b])));
        }
        return new StressSet(method.label(), figures, probabilities, distributions, fan);
    }

    /** Returns the distribution of {@code values}: defined count, mean, quantiles and a histogram of {@value #BINS} bins. */
    static StressDistribution distribution(String metric, double[] values, double historical) {
        double[] sorted = Quantiles.sortedDefined(values);
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        List<StressDistribution.QuantileValue> quantiles = Quantiles.LEVELS.stream()
                .map(l -> new StressDistribution.QuantileValue(l, Figures.figure(Quantiles.ofSorted(sorted, l)))).toList();
        List<Double> edges = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        if (sorted.length > 0) {
            double low = sorted[0];
            double high = sorted[sorted.length - 1];
            int bins = high > low ? BINS : 1;
            double width = (high - low) / bins;
            int[] count = new int[bins];
            for (double v : sorted) {
                count[width > 0 ? Math.min(bins - 1, (int) ((v - low) / width)) : 0]++;
            }
            for (int b = 0; b <= bins; b++) {
                edges.add(Figures.figure(b == bins ? high : low + b * width));
            }
            Arrays.stream(count).forEach(counts::add);
        }
        return new StressDistribution(metric, sorted.length, Figures.figure(mean), quantiles, Figures.figure(historical),
                edges, counts);
    }

    @Override
    public String toString() {
        return "StressTest(" + base.name() + ", " + size() + " paths, " + options.methods() + ", " + history + ")";
    }
}

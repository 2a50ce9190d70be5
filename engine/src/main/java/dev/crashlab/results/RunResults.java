package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The results of one backtest, the document written as {@code results.json} (schema
 * {@value #SCHEMA}; README, "results.json", and the JSON Schema {@code crashlab-results-2.schema.json}
 * beside this class describe every field). Everything a report shows is here or derived from it
 * by this package ({@link #periodReturns()}, {@link Returns}). Components appear in the file in
 * this order, under these names (but {@code long}, {@code short} and {@code return}, see
 * {@link EquityPoint} and {@link TradeRow}).
 *
 * <p>The constructor checks that the per-step series fit together (as many prices and regime
 * labels as steps, increasing times) and fails with a {@link ResultsException} naming the field.
 *
 * @param schema          always {@value #SCHEMA}
 * @param crashlabVersion the crashlab version that ran the backtest
 * @param generatedAt     when the results were written
 * @param name            the run's name
 * @param strategy        the strategy and its parameters
 * @param config          the run's configuration as written, defaults merged (free-form JSON; empty when built in code)
 * @param period          the steps covered
 * @param universe        the instruments, in universe order
 * @param synthetic       whether any input is generated sample data
 * @param warnings        what a run with {@code allowPartialData} used outside the data (empty otherwise)
 * @param data            the data files, with their SHA-256
 * @param account         cash, flows and margin
 * @param costs           costs and fill rules
 * @param metrics         the run's metrics
 * @param tail            the tail and pain figures of the run's period returns, over all its periods
 * @param positions       the final quantity of each instrument, by symbol
 * @param equity          the account at each step's close
 * @param prices          each instrument's close at each step (NaN before its first bar), by symbol
 * @param orders          every order placed
 * @param openOrders      the ids of the orders still waiting at the end
 * @param fills           every fill
 * @param trades          the round trips, open ones included
 * @param events          notes, held-back, rejected and cancelled orders, liquidations
 * @param benchmark       the benchmark, or null
 * @param regimes         the regime labels and per-regime figures, or null
 * @param crises          the crisis scorecard: one row per crisis window scored, in the order configured
 * @param series          the non-price series read, by name
 * @param tracked         the figures and states the strategy tracked, in the order first recorded
 * @param path            how fills and liquidations inside bars were resolved: by the path rule or on detail bars
 * @param candles         the traded instruments' bars and indicator overlays over one window
 *                        (around the deepest drawdown by default), or null when nothing was traded
 * @param stress          the run's stress paths summarised, or null when none were run into this output folder
 *                        ({@code crashlab:stress}; the paths themselves are in the document it names)
 * @param sweep           the sweep of the run's parameters summarised, or null when none was run into this output
 *                        folder ({@code crashlab:sweep})
 * @param walkforward     the run's walk-forward analysis summarised, or null when none was run into this output
 *                        folder ({@code crashlab:walkforward})
 *
 * <h2>Studies</h2>
 * {@code stress}, {@code sweep} and {@code walkforward} are written by their goals after the run:
 * each goal adds its section to the run's results.json (running the run first when it has no
 * results.json yet), and a later {@code crashlab:backtest} keeps the sections when the run is the
 * same run ({@link #sameRun}: equal config, strategy and data files), and drops them when it is
 * not, for they would describe another run.
 */
public record RunResults(String schema, String crashlabVersion, Instant generatedAt, String name,
        StrategyInfo strategy, ObjectNode config, Period period, List<InstrumentInfo> universe, boolean synthetic,
        List<String> warnings, List<DataFile> data, AccountTerms account, CostTerms costs, RunMetrics metrics,
        TailFigures tail, Map<String, Double> positions, List<EquityPoint> equity, Map<String, List<Double>> prices,
        List<OrderRow> orders, List<Long> openOrders, List<FillRow> fills, List<TradeRow> trades,
        List<EventRow> events, @JsonSetter(nulls = Nulls.SET) BenchmarkResults benchmark,
        @JsonSetter(nulls = Nulls.SET) RegimeResults regimes, List<CrisisMetrics> crises, Map<String, SeriesRead> series,
        List<TrackedSeries> tracked, PathResolution path, @JsonSetter(nulls = Nulls.SET) CandleWindow candles,
        @JsonSetter(nulls = Nulls.SET) StressSummary stress, @JsonSetter(nulls = Nulls.SET) SweepSummary sweep,
        @JsonSetter(nulls = Nulls.SET) WalkForwardSummary walkforward) {

    /** The document's layout version; it changes when a field changes meaning or moves. */
    public static final String SCHEMA = "crashlab-results/2";

    public RunResults {
        if (!SCHEMA.equals(schema)) {
            throw new ResultsException("schema", "expected \"" + SCHEMA + "\", got \"" + schema + "\"");
        }
        config = config.deepCopy();
        universe = List.copyOf(universe);
        warnings = List.copyOf(warnings);
        data = List.copyOf(data);
        positions = Fields.ordered(positions);
        equity = List.copyOf(equity);
        Map<String, List<Double>> closes = new LinkedHashMap<>();
        prices.forEach((symbol, values) -> closes.put(symbol, List.copyOf(values)));
        prices = Fields.ordered(closes);
        orders = List.copyOf(orders);
        openOrders = List.copyOf(openOrders);
        fills = List.copyOf(fills);
        trades = List.copyOf(trades);
        events = List.copyOf(events);
        crises = List.copyOf(crises);
        series = Fields.ordered(series);
        tracked = List.copyOf(tracked);
        check(equity, prices, benchmark, regimes, crises, tracked);
        if (stress != null) {
            for (int i = 0; i < stress.sets().size(); i++) {
                for (int b = 0; b < stress.sets().get(i).fan().size(); b++) {
                    sameLength("stress.sets[" + i + "].fan[" + b + "].equity", stress.sets().get(i).fan().get(b).equity().size(),
                            "values", equity.size());
                }
            }
        }
    }

    private static void check(List<EquityPoint> equity, Map<String, List<Double>> prices, BenchmarkResults benchmark,
            RegimeResults regimes, List<CrisisMetrics> crises, List<TrackedSeries> tracked) {
        int n = equity.size();
        if (n == 0) {
            throw new ResultsException("equity", "no steps");
        }
        for (int s = 1; s < n; s++) {
            Instant time = equity.get(s).time();
            if (!time.isAfter(equity.get(s - 1).time())) {
                throw new ResultsException("equity[" + s + "].time", "times must increase, but " + time + " follows "
                        + equity.get(s - 1).time());
            }
        }
        prices.forEach((symbol, values) -> sameLength("prices." + symbol, values.size(), "values", n));
        if (benchmark != null) {
            sameLength("benchmark.equity", benchmark.equity().size(), "values", n);
        }
        if (regimes != null) {
            sameLength("regimes.steps", regimes.steps().size(), "labels", n);
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int k = 0; k < crises.size(); k++) {
            if (!names.add(crises.get(k).name())) {
                throw new ResultsException("crises[" + k + "].name", "a second window called \"" + crises.get(k).name() + "\"");
            }
        }
        for (int k = 0; k < tracked.size(); k++) {
            sameLength("tracked[" + k + "].values", tracked.get(k).values().size(), "values", n);
        }
    }

    /** Returns these results with {@code stress} (null for none) as their stress section. */
    public RunResults withStress(StressSummary stress) {
        return withStudies(stress, sweep, walkforward);
    }

    /** Returns these results with {@code sweep} (null for none) as their sweep section. */
    public RunResults withSweep(SweepSummary sweep) {
        return withStudies(stress, sweep, walkforward);
    }

    /** Returns these results with {@code walkforward} (null for none) as their walk-forward section. */
    public RunResults withWalkForward(WalkForwardSummary walkforward) {
        return withStudies(stress, sweep, walkforward);
    }

    /**
     * Returns these results with the stress, sweep and walk-forward sections of {@code previous}
     * (results of an earlier run into the same folder, or null) when it was the same run
     * ({@link #sameRun}), else these results as they are.
     */
    public RunResults withStudiesOf(RunResults previous) {
        return previous == null || !sameRun(previous) ? this
                : withStudies(previous.stress, previous.sweep, previous.walkforward);
    }

    /**
     * Returns whether {@code other} describes the same run as these results, so that what was
     * computed about one holds for the other: the same name, crashlab version, strategy and
     * parameters, configuration and data files (by SHA-256), and the same outcome, metrics and
     * equity at every step as results.json writes them (a change to a strategy's code, which its
     * name and parameters do not show, makes another run).
     */
    public boolean sameRun(RunResults other) {
        return name.equals(other.name) && crashlabVersion.equals(other.crashlabVersion) && strategy.equals(other.strategy)
                && config.equals(other.config) && data.equals(other.data)
                && ResultsJson.toTree(metrics).equals(ResultsJson.toTree(other.metrics))
                && ResultsJson.toTree(equity).equals(ResultsJson.toTree(other.equity));
    }

    private RunResults withStudies(StressSummary stress, SweepSummary sweep, WalkForwardSummary walkforward) {
        return new RunResults(schema, crashlabVersion, generatedAt, name, strategy, config, period, universe, synthetic,
                warnings, data, account, costs, metrics, tail, positions, equity, prices, orders, openOrders, fills, trades,
                events, benchmark, regimes, crises, series, tracked, path, candles, stress, sweep, walkforward);
    }

    private static void sameLength(String field, int size, String what, int steps) {
        if (size != steps) {
            throw new ResultsException(field, size + " " + what + " for " + steps + " steps");
        }
    }

    @Override
    public ObjectNode config() {
        return config.deepCopy();
    }

    /** Returns the crisis scorecard's row of the window called {@code name}, if it was scored. */
    public java.util.Optional<CrisisMetrics> crisis(String name) {
        return crises.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Returns the number of steps. */
    public int steps() {
        return equity.size();
    }

    /** Returns the time of each step, UTC epoch milliseconds. */
    public long[] timeMillis() {
        long[] out = new long[equity.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = equity.get(s).time().toEpochMilli();
        }
        return out;
    }

    /** Returns the equity at each step's close. */
    public double[] equityValues() {
        return column(EquityPoint::equity);
    }

    /** Returns the cumulative external flows up to each step. */
    public double[] contributionValues() {
        return column(EquityPoint::contributions);
    }

    /** Returns the value of long positions at each step's close. */
    public double[] longExposures() {
        return column(EquityPoint::longExposure);
    }

    /** Returns the value of short positions at each step's close, positive. */
    public double[] shortExposures() {
        return column(EquityPoint::shortExposure);
    }

    private double[] column(java.util.function.ToDoubleFunction<EquityPoint> field) {
        double[] out = new double[equity.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = field.applyAsDouble(equity.get(s));
        }
        return out;
    }

    /**
     * Returns the period returns the metrics were computed from, r(t) at index t for t = 1..N-1
     * ({@link Returns#periodReturns}); index 0 holds 0.
     */
    public double[] periodReturns() {
        return Returns.periodReturns(equityValues(), contributionValues());
    }

    /** Returns the benchmark's period returns, with this run's flows, aligned as {@link #periodReturns()}; null without a benchmark. */
    public double[] benchmarkPeriodReturns() {
        return benchmark == null ? null : Returns.periodReturns(benchmark.equityValues(), contributionValues());
    }

    /** Returns whether the run had external flows (a DCA run). */
    public boolean hasContributions() {
        return equity.stream().anyMatch(p -> p.contributions() != 0 && Double.isFinite(p.contributions()));
    }

    /** Returns the final positions that are not flat, symbol to quantity. */
    public Map<String, Double> openPositions() {
        Map<String, Double> out = new LinkedHashMap<>();
        positions.forEach((symbol, quantity) -> {
            if (quantity != 0 && Double.isFinite(quantity)) {
                out.put(symbol, quantity);
            }
        });
        return out;
    }

    /** Returns the closes of {@code symbol} at each step (NaN before its first bar), or null when it has none. */
    public double[] priceValues(String symbol) {
        List<Double> closes = prices.get(symbol);
        return closes == null ? null : Figures.array(closes);
    }

    /** Returns the symbols that have fills: those of the universe in universe order, then any other. */
    public List<String> tradedSymbols() {
        List<String> out = new ArrayList<>();
        for (String symbol : prices.keySet()) {
            if (fills.stream().anyMatch(f -> f.symbol().equals(symbol))) {
                out.add(symbol);
            }
        }
        for (FillRow f : fills) {
            if (!out.contains(f.symbol()) && !prices.containsKey(f.symbol())) {
                out.add(f.symbol());
            }
        }
        return out;
    }
}

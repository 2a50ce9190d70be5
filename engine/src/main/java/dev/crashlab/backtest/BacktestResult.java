package dev.crashlab.backtest;

import dev.crashlab.clock.MarketClock;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.Symbol;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Fills;
import dev.crashlab.metrics.Metrics;
import dev.crashlab.metrics.PerformanceMetrics;
import dev.crashlab.metrics.RegimeStats;
import dev.crashlab.metrics.RoundTrips;
import dev.crashlab.metrics.Trade;
import dev.crashlab.metrics.tail.CrisisStats;
import dev.crashlab.metrics.tail.PeriodSubset;
import dev.crashlab.metrics.tail.TailMetrics;
import dev.crashlab.results.RunResults;
import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The result of a backtest, immutable: the run's description, its equity, cash and contribution
 * at every step, the orders, fills, trades and events, the metrics, and, when asked for, the
 * benchmark's curve and metrics and the regime labels. Positions over time are derived from the
 * fills. {@link #toResults} gives the results records ({@code dev.crashlab.results}) that are
 * written as {@code results.json} and that reports are rendered from.
 */
public final class BacktestResult {

    /**
     * The benchmark of a run: buy-and-hold of a chosen instrument, with the same cash, flows and
     * costs.
     *
     * @param name        the benchmark's name
     * @param equity      its equity at each step
     * @param contributed its cumulative flows at each step, or {@code null} when there are none
     * @param metrics     its metrics (beta and correlation NaN)
     * @param tail        its tail and pain figures, over all its periods
     */
    public record Benchmark(String name, double[] equity, double[] contributed, Metrics metrics, TailMetrics tail) {
    }

    /**
     * The regime labels of a run.
     *
     * @param labels  the classifier's labels
     * @param ofStep  the label index of each step
     * @param windows named crisis windows to mark
     * @param stats   the run's performance in each regime, each period credited to the label of the step before it ({@link RegimeStats})
     * @param tails   the run's tail and pain figures in each regime, in label order, over the same
     *                periods ({@link PeriodSubset#ofLabel})
     */
    public record Regimes(List<String> labels, int[] ofStep, List<CrisisWindow> windows, List<RegimeStats> stats,
            List<TailMetrics> tails) {

        /** Returns the label of step {@code step}. */
        public String label(int step) {
            return labels.get(ofStep[step]);
        }
    }

    /** The quantity and close of each instrument at each step, derived when first asked for. */
    private record Holdings(double[][] quantities, double[][] prices) {
    }

    private final Backtest spec;
    private final Run.Outcome run;
    // Derived on first use (a race computes the same arrays twice, harmlessly): most results
    // are only summarised, and n × steps arrays would cost more than the run.
    private volatile Holdings holdings;
    private volatile boolean[] invested;
    private final List<Trade> trades;
    private final Metrics metrics;
    private final Benchmark benchmark;
    private final Regimes regimes;
    // Derived on first use too, like the holdings: a sort-free but still several-pass look at
    // every period return, which a run that is only summarised by its metrics never reads.
    private volatile TailMetrics tail;
    private final List<CrisisStats> crises;
    private final List<String> benchmarkWarnings;

    private BacktestResult(Backtest spec, Run.Outcome run, boolean[] invested, List<Trade> trades, Metrics metrics,
            Benchmark benchmark, Regimes regimes, List<CrisisStats> crises, List<String> benchmarkWarnings) {
        this.spec = spec;
        this.run = run;
        this.invested = invested;
        this.trades = trades;
        this.metrics = metrics;
        this.benchmark = benchmark;
        this.regimes = regimes;
        this.crises = crises;
        this.benchmarkWarnings = benchmarkWarnings;
    }

    static BacktestResult of(Backtest spec, double periodsPerYear, Run.Outcome main, Run.Outcome bench) {
        List<Instrument> instruments = spec.data().instruments();
        int steps = main.clock().size();
        List<Trade> trades = trades(spec, main);
        // Times and returns only for what reads them now: the benchmark's tail, regimes, crises.
        boolean byPeriod = main.regimes() != null || !spec.crises().isEmpty();
        long[] times = byPeriod || bench != null ? stepTimes(main.clock()) : null;
        double[] returns = byPeriod ? PerformanceMetrics.periodReturns(main.equity(), main.contributed()) : null;
        Benchmark benchmark = null;
        double[] benchReturns = null;
        if (bench != null) {
            Metrics bm = metrics(spec, periodsPerYear, bench, trades(spec, bench), null);
            benchReturns = PerformanceMetrics.periodReturns(bench.equity(), bench.contributed());
            benchmark = new Benchmark(spec.benchmarkName(), bench.equity(), bench.contributed(), bm,
                    TailMetrics.of(benchReturns, times));
        }
        Metrics metrics = metrics(spec, periodsPerYear, main, trades, benchmark == null ? null : bench);
        Regimes regimes = null;
        boolean[] invested = null;
        if (main.regimes() != null) {
            invested = investedOverTime(main, instruments, steps);
            List<TailMetrics> tails = new java.util.ArrayList<>();
            for (int label = 0; label < main.regimeLabels().size(); label++) {
                tails.add(PeriodSubset.ofLabel(main.regimes(), label).tail(returns, times));
            }
            regimes = new Regimes(main.regimeLabels(), main.regimes(), main.crisisWindows(), RegimeStats.of(
                    main.regimeLabels(), main.regimes(), returns, invested), List.copyOf(tails));
        }
        List<CrisisStats> crises = List.of();
        if (!spec.crises().isEmpty()) {
            CrisisStats.Input scorecard = new CrisisStats.Input(times, returns, benchReturns, main.financed(),
                    main.liquidated(), main.events());
            crises = spec.crises().stream().map(w -> CrisisStats.of(w, scorecard)).toList();
        }
        return new BacktestResult(spec, main, invested, trades, metrics, benchmark, regimes, crises,
                bench == null ? null : bench.warnings());
    }

    /** Returns the time of every step of {@code clock}, UTC epoch milliseconds. */
    private static long[] stepTimes(MarketClock clock) {
        long[] times = new long[clock.size()];
        for (int s = 0; s < times.length; s++) {
            times[s] = clock.timeMillis(s);
        }
        return times;
    }

    /** Returns the round trips of {@code run}, open ones included, marked at the last step. */
    static List<Trade> trades(Backtest spec, Run.Outcome run) {
        List<Instrument> instruments = spec.data().instruments();
        MarketClock clock = run.clock();
        return RoundTrips.from(run.fills(), bySymbol(instruments, run.finalMarks()),
                bySymbol(instruments, run.finalCarry()), clock.time(clock.size() - 1));
    }

    /**
     * Returns the metrics of {@code run} with its {@code trades}, against {@code bench}'s curve
     * when there is one: the one computation behind a full result and a batch's variant, so that
     * their figures agree to the last bit.
     */
    static Metrics metrics(Backtest spec, double periodsPerYear, Run.Outcome run, List<Trade> trades, Run.Outcome bench) {
        MarketClock clock = run.clock();
        int steps = clock.size();
        return PerformanceMetrics.compute(new PerformanceMetrics.Input(clock::timeMillis, run.equity(), run.contributed(),
                spec.initialCash(), periodsPerYear, spec.riskFreeRate(), investedSteps(run, spec.data().instruments(), steps),
                notional(run.fills()), run.feesPaid(), run.financingPaid(), run.liquidations(), trades,
                bench == null ? null : bench.equity(), bench == null ? null : bench.contributed()));
    }

    /** Returns {@code values}, one per instrument, keyed by the instruments' symbols in universe order. */
    private static Map<Symbol, Double> bySymbol(List<Instrument> instruments, double[] values) {
        Map<Symbol, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < instruments.size(); i++) {
            out.put(instruments.get(i).symbol(), values[i]);
        }
        return out;
    }

    /** Returns the traded value of {@code fills}, each {@link Fill#notional()} summed in order. */
    private static double notional(FillColumns fills) {
        double sum = 0;
        var pass = fills.pass();
        while (pass.next()) {
            FillColumns.Block block = pass.block();
            int j = pass.offset();
            sum += Math.abs(block.quantity[j]) * block.price[j];
        }
        return sum;
    }


    /** Returns the quantity of an instrument after a fill of {@code quantity} when it held {@code held}; a remainder within rounding is 0. */
    private static double after(double held, double quantity) {
        double after = held + quantity;
        return Math.abs(after) <= 1e-12 * Math.abs(quantity) ? 0 : after;
    }

    /** Replays the fills at their steps: the quantity of each instrument at each step's close. */
    private static double[][] positionsOverTime(Run.Outcome run, List<Instrument> instruments, int steps) {
        int n = instruments.size();
        double[][] q = new double[n][steps];
        double[] held = new double[n];
        var pass = run.fills().pass();
        boolean more = pass.next();
        for (int s = 0; s < steps; s++) {
            for (; more && pass.block().step[pass.offset()] == s; more = pass.next()) {
                int i = pass.block().instrument[pass.offset()];
                held[i] = after(held[i], pass.block().quantity[pass.offset()]);
            }
            for (int i = 0; i < n; i++) {
                q[i][s] = held[i];
            }
        }
        return q;
    }

    /** Returns whether each step ended with a position, replayed from the fills. */
    private static boolean[] investedOverTime(Run.Outcome run, List<Instrument> instruments, int steps) {
        boolean[] invested = new boolean[steps];
        replayOpenPositions(run, instruments, steps, (from, to, open) -> Arrays.fill(invested, from, to, open));
        return invested;
    }

    /** Returns how many steps ended with a position, from the fills alone. */
    private static int investedSteps(Run.Outcome run, List<Instrument> instruments, int steps) {
        int[] count = new int[1];
        replayOpenPositions(run, instruments, steps, (from, to, open) -> count[0] += open ? to - from : 0);
        return count[0];
    }

    /** Receives the runs of steps [from, to) over which a position was or was not open. */
    private interface OpenRuns {
        void accept(int from, int to, boolean open);
    }

    /** Replays the fills at their steps: positions change only there, so the work is per fill, not per step. */
    private static void replayOpenPositions(Run.Outcome run, List<Instrument> instruments, int steps, OpenRuns runs) {
        double[] held = new double[instruments.size()];
        int open = 0;
        var pass = run.fills().pass();
        int s = 0;
        for (boolean more = pass.next(); more; ) {
            int at = pass.block().step[pass.offset()];
            runs.accept(s, at, open > 0);
            for (; more && pass.block().step[pass.offset()] == at; more = pass.next()) {
                FillColumns.Block block = pass.block();
                int j = pass.offset();
                int i = block.instrument[j];
                double after = after(held[i], block.quantity[j]);
                open += (after != 0 ? 1 : 0) - (held[i] != 0 ? 1 : 0);
                held[i] = after;
            }
            s = at;
        }
        runs.accept(s, steps, open > 0);
    }


    private Holdings holdings() {
        Holdings h = holdings;
        if (h == null) {
            List<Instrument> instruments = instruments();
            int n = instruments.size();
            int steps = size();
            double[][] prices = new double[n][steps];
            for (int i = 0; i < n; i++) {
                var series = spec.data().prices().get(i);
                for (int s = 0; s < steps; s++) {
                    int b = run.clock().barIndex(i, s);
                    prices[i][s] = b < 0 ? Double.NaN : series.close(b);
                }
            }
            h = new Holdings(positionsOverTime(run, instruments, steps), prices);
            holdings = h;
        }
        return h;
    }

    /** Returns the run's description. */
    public Backtest spec() {
        return spec;
    }

    /** Returns the run's name. */
    public String name() {
        return spec.name();
    }

    /** Returns the strategy's name. */
    public String strategyName() {
        return run.strategyName();
    }

    /** Returns the instruments of the universe. */
    public List<Instrument> instruments() {
        return spec.data().instruments();
    }

    /** Returns the files behind the data, with their SHA-256. */
    public List<DataSource> sources() {
        return spec.data().sources();
    }

    /**
     * Returns the number of bars (one per instrument and step) whose fills and liquidations were
     * resolved on their detail bars: the walked ones, where an order waited or a position was at
     * risk (see {@code StepExecution}).
     */
    public long detailBars() {
        return run.detailBars();
    }

    /** Returns the number of walked bars resolved by the path rule: all of them without detail bars, else those whose detail was incomplete. */
    public long ruleBars() {
        return run.ruleBars();
    }

    /** Returns the number of steps resolved by the rule that were ambiguous: an event level on each side of an instrument's open. */
    public long ambiguousBars() {
        return run.ambiguousBars();
    }

    /** Returns whether any data file declares itself synthetic. */
    public boolean synthetic() {
        return spec.data().anySynthetic();
    }

    /** Returns the number of steps. */
    public int size() {
        return run.clock().size();
    }

    /** Returns the time of step {@code s}. */
    public Instant time(int s) {
        return run.clock().time(s);
    }

    /** Returns the time of step {@code s} in UTC epoch milliseconds. */
    public long timeMillis(int s) {
        return run.clock().timeMillis(s);
    }

    /** Returns the equity at step {@code s}'s close. */
    public double equity(int s) {
        return run.equity()[s];
    }

    /** Returns the cash at step {@code s}'s close. */
    public double cash(int s) {
        return run.cash().get(s);
    }

    /** Returns the external flows up to and including step {@code s}. */
    public double contributions(int s) {
        return run.contributed() == null ? 0 : run.contributed()[s];
    }

    /** Returns a copy of the equity curve. */
    public double[] equityCurve() {
        return run.equity().clone();
    }

    /**
     * Returns the cash at every step's close, a new array: where a whole curve is read, this
     * rather than {@link #cash(int)} a step, which searches a curve kept only where cash changed.
     */
    public double[] cashCurve() {
        return run.cash().toArray();
    }

    /** Returns a copy of the cumulative external flows. */
    public double[] contributionCurve() {
        return run.contributed() == null ? new double[size()] : run.contributed().clone();
    }

    /** Returns the period returns r<sub>1</sub>..r<sub>N−1</sub>. */
    public double[] periodReturns() {
        return PerformanceMetrics.periodReturns(run.equity(), run.contributed());
    }

    /** Returns the quantity of instrument {@code i} held at step {@code s}'s close. */
    public double quantity(int i, int s) {
        return holdings().quantities()[i][s];
    }

    /** Returns instrument {@code i}'s close at step {@code s} (its last close when it has no bar then; NaN before its first bar). */
    public double price(int i, int s) {
        return holdings().prices()[i][s];
    }

    /** Returns whether step {@code s} ended with a position. */
    public boolean invested(int s) {
        boolean[] flags = invested;
        if (flags == null) {
            flags = investedOverTime(run, instruments(), size());
            invested = flags;
        }
        return flags[s];
    }

    /** Returns the value of long positions at step {@code s}'s close. */
    public double longExposure(int s) {
        double[][] quantities = holdings().quantities();
        double[][] prices = holdings().prices();
        double sum = 0;
        for (int i = 0; i < quantities.length; i++) {
            if (quantities[i][s] > 0) {
                sum += quantities[i][s] * prices[i][s];
            }
        }
        return sum;
    }

    /** Returns the value of short positions at step {@code s}'s close, as a positive number. */
    public double shortExposure(int s) {
        double[][] quantities = holdings().quantities();
        double[][] prices = holdings().prices();
        double sum = 0;
        for (int i = 0; i < quantities.length; i++) {
            if (quantities[i][s] < 0) {
                sum -= quantities[i][s] * prices[i][s];
            }
        }
        return sum;
    }

    /** Returns the final quantity of each instrument, in universe order. */
    public Map<Symbol, Double> finalPositions() {
        return bySymbol(instruments(), run.finalQuantities());
    }

    /** Returns every order placed, in order. */
    public List<Order> orders() {
        return run.orders();
    }

    /** Returns the orders still waiting at the end. */
    public List<Order> openOrders() {
        return run.openOrders();
    }

    /**
     * Returns every fill, in order: a view over the run's fill columns, each {@code Fill} built
     * when read (a run keeps no fill objects: see {@link Fills}).
     */
    public List<Fill> fills() {
        return run.fills().asList();
    }

    /** Returns every event, in order. */
    public List<Event> events() {
        return run.events();
    }

    /** Returns the trades, open ones included. */
    public List<Trade> trades() {
        return trades;
    }

    /** Returns the metrics. */
    public Metrics metrics() {
        return metrics;
    }

    /** Returns the benchmark, when one was run. */
    public Optional<Benchmark> benchmark() {
        return Optional.ofNullable(benchmark);
    }

    /** Returns the tail and pain figures of the run's period returns, over all its periods. */
    public TailMetrics tail() {
        TailMetrics t = tail;
        if (t == null) {
            t = TailMetrics.of(PerformanceMetrics.periodReturns(run.equity(), run.contributed()), stepTimes(run.clock()));
            tail = t;
        }
        return t;
    }

    /** Returns the crisis scorecard: one row per window of {@link Backtest#crises()}, in that order. */
    public List<CrisisStats> crises() {
        return crises;
    }

    /** Returns the regime labels, when a classifier was given. */
    public Optional<Regimes> regimes() {
        return Optional.ofNullable(regimes);
    }

    /**
     * Returns the warnings of the run: the partial data a run with {@code allowPartialData} used
     * (an instrument ordered before its data begins or held after it ends), those the strategy
     * gave ({@code ctx.warn}), and the benchmark's.
     */
    public List<String> warnings() {
        List<String> all = new java.util.ArrayList<>(run.warnings());
        if (benchmarkWarnings != null) {
            benchmarkWarnings.forEach(w -> all.add("benchmark: " + w));
        }
        return List.copyOf(all);
    }

    /** Returns the figures and states the strategy recorded with {@code ctx.track}, in the order first recorded. */
    public List<Tracked> tracked() {
        return run.tracked();
    }

    /** Returns the names of the non-price series the strategy read. */
    public List<String> seriesUsed() {
        return run.seriesUsed();
    }

    /** Returns the equity curve as a table: time, equity, cash, contributions, long, short. */
    public Table equityTable() {
        int steps = size();
        InstantColumn time = InstantColumn.create("time");
        double[] e = new double[steps];
        double[] longs = new double[steps];
        double[] shorts = new double[steps];
        for (int s = 0; s < steps; s++) {
            time.append(time(s));
            e[s] = equity(s);
            longs[s] = longExposure(s);
            shorts[s] = shortExposure(s);
        }
        return Table.create(name() + " equity", time, DoubleColumn.create("equity", e),
                DoubleColumn.create("cash", cashCurve()), DoubleColumn.create("contributions", contributionCurve()),
                DoubleColumn.create("long", longs), DoubleColumn.create("short", shorts));
    }

    /** Returns the trades as a table, one row per trade. */
    public Table tradesTable() {
        StringColumn symbol = StringColumn.create("symbol");
        StringColumn side = StringColumn.create("side");
        InstantColumn entry = InstantColumn.create("entryTime");
        InstantColumn exit = InstantColumn.create("exitTime");
        DoubleColumn entryPrice = DoubleColumn.create("entryPrice");
        DoubleColumn exitPrice = DoubleColumn.create("exitPrice");
        DoubleColumn quantity = DoubleColumn.create("quantity");
        DoubleColumn pnl = DoubleColumn.create("pnl");
        DoubleColumn ret = DoubleColumn.create("return");
        DoubleColumn days = DoubleColumn.create("holdingDays");
        BooleanColumn open = BooleanColumn.create("open");
        for (Trade t : trades) {
            symbol.append(t.symbol().value());
            side.append(t.side().name().toLowerCase(java.util.Locale.ROOT));
            entry.append(t.entryTime());
            exit.append(t.exitTime());
            entryPrice.append(t.entryPrice());
            exitPrice.append(t.exitPrice());
            quantity.append(t.quantity());
            pnl.append(t.pnl());
            ret.append(t.tradeReturn());
            days.append(t.holdingDays());
            open.append(t.open());
        }
        return Table.create(name() + " trades", symbol, side, entry, exit, entryPrice, exitPrice, quantity, pnl, ret, days,
                open);
    }

    /**
     * Returns the results records of this run, stamped with {@code generatedAt}: everything a
     * report needs, each figure as results.json holds it (NaN for an undefined one, never -0).
     */
    public RunResults toResults(Instant generatedAt) {
        return ResultsOf.run(this, generatedAt, null);
    }

    /**
     * Returns the results records of this run as {@link #toResults(Instant)} does, with
     * {@code sensitivity} (of this run's backtest, {@link PathSensitivity#of}) in {@code path}.
     */
    public RunResults toResults(Instant generatedAt, PathSensitivity.Report sensitivity) {
        return ResultsOf.run(this, generatedAt, java.util.Objects.requireNonNull(sensitivity, "sensitivity"));
    }

    @Override
    public String toString() {
        return "BacktestResult(" + name() + ", " + strategyName() + ", " + size() + " steps, totalReturn "
                + metrics.totalReturn() + ")";
    }
}

package dev.crashlab.backtest;

import dev.crashlab.clock.MarketClock;
import dev.crashlab.data.BarInterval;
import dev.crashlab.data.MarketData;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Margin;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.Strategy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A backtest is one strategy run over market data with its account, costs and margin terms:
 * an immutable description built with {@link #builder(MarketData)}, every option with its default
 * in one place, and run with {@link #run()}.
 *
 * <pre>{@code
 * BacktestResult result = Backtest.builder(data)
 *         .name("dca-btc")
 *         .strategy(() -> new DcaOnDrawdown(params))
 *         .initialCash(0)
 *         .contributions(Contributions.every(Schedule.WEEKLY, 100))
 *         .costs(Costs.DEFAULTS.withFeeRate(0.001))
 *         .benchmark("buy-and-hold BTC-USD", () -> new BuyAndHold(...))
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>Strategies are given as suppliers because each run needs a fresh instance: the benchmark,
 * sweeps and repeated runs never share strategy state. The same inputs give the same result.
 *
 * @param name           the run's name, used for its output folder
 * @param data           the universe
 * @param strategy       makes the strategy to run
 * @param parameters     the strategy's parameters as configured, echoed in results
 * @param config         the run's configuration as written, echoed in results (empty when built in code)
 * @param start          the first instant of the backtest (bars before it are history)
 * @param end            the last instant of the backtest
 * @param initialCash    cash at the start, {@code >= 0}
 * @param contributions  external cash flows
 * @param costs          fees, slippage, fill mode and carry
 * @param margin         margin terms
 * @param periodsPerYear periods per year for annualised metrics; 0 for the default, which follows
 *                       the bar interval (see {@link #effectivePeriodsPerYear()})
 * @param riskFreeRate   the annual risk-free rate rf of the Sharpe ratio, 0 by default
 * @param benchmarkName  the benchmark's name, or {@code null} for no benchmark
 * @param benchmark      makes the benchmark strategy, or {@code null}
 * @param regime         makes the regime classifier, or {@code null}
 * @param allowPartialData whether a strategy may order an instrument before its data begins or
 *                       hold it after its data ends (see {@code DataCoverage}), with a warning in
 *                       the results, instead of the run being refused
 * @param crises         the crisis windows the results score, one scorecard row each ({@code
 *                       dev.crashlab.metrics.tail.CrisisStats}), in this order; none by default (a
 *                       run configured from a file scores {@link CrisisWindow#BUILT_IN} and its own)
 * @param candles        the window of the report's candlestick chart, UTC dates, both included; or
 *                       {@code null} for the default, around the deepest drawdown
 *                       ({@code dev.crashlab.results.CandleWindow})
 */
public record Backtest(String name, MarketData data, Supplier<? extends Strategy> strategy, Map<String, Object> parameters,
        Map<String, Object> config, Instant start, Instant end, double initialCash, Contributions contributions, Costs costs, Margin margin,
        double periodsPerYear, double riskFreeRate, String benchmarkName, Supplier<? extends Strategy> benchmark,
        Supplier<? extends RegimeClassifier> regime, boolean allowPartialData, List<CrisisWindow> crises,
        Window candles) {

    public Backtest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(contributions, "contributions");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(margin, "margin");
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        if (!(initialCash >= 0) || !Double.isFinite(initialCash)) {
            throw new IllegalArgumentException("initialCash must be a finite number >= 0, got " + initialCash);
        }
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("start " + start + " is after end " + end);
        }
        if (!(periodsPerYear >= 0) || !Double.isFinite(periodsPerYear)) {
            throw new IllegalArgumentException("periodsPerYear must be >= 0 (0 for the default), got " + periodsPerYear);
        }
        if (!Double.isFinite(riskFreeRate)) {
            throw new IllegalArgumentException("riskFreeRate must be finite, got " + riskFreeRate);
        }
        if ((benchmark == null) != (benchmarkName == null)) {
            throw new IllegalArgumentException("a benchmark needs both a name and a strategy");
        }
        if (initialCash == 0 && contributions.amount() <= 0) {
            throw new IllegalArgumentException("nothing to invest: initialCash is 0 and there are no contributions");
        }
        crises = crises == null ? List.of() : List.copyOf(crises);
        Set<String> names = new HashSet<>();
        for (CrisisWindow w : crises) {
            if (!names.add(w.name())) {
                throw new IllegalArgumentException("two crisis windows are called \"" + w.name() + "\"");
            }
        }
    }

    /** Returns a builder over {@code data}, starting from the defaults. */
    public static Builder builder(MarketData data) {
        return new Builder(data);
    }

    /**
     * Returns the periods per year P that metrics use: the given value, else P of the universe's
     * shortest bar interval ({@link BarInterval#periodsPerYear}): 365 for daily bars with crypto in
     * the universe, else 252; for intraday bars that many days times the bars of a trading day
     * (24 hourly bars on a 24/7 calendar; on an exchange calendar the median number of bars per
     * trading date in the data); 52 for weekly and 12 for monthly bars.
     */
    public double effectivePeriodsPerYear() {
        if (periodsPerYear > 0) {
            return periodsPerYear;
        }
        BarInterval interval = MarketClock.finestInterval(data.prices());
        boolean everyDay = data.anyCrypto();
        double barsPerDay = 1;
        if (interval.nominal().compareTo(java.time.Duration.ofDays(1)) < 0) {
            barsPerDay = everyDay ? 86_400_000.0 / interval.nominal().toMillis() : medianBarsPerDay(interval);
        }
        return interval.periodsPerYear(everyDay, barsPerDay);
    }

    /** Returns the median number of bars per trading date (in the exchange's zone) of the instruments with {@code interval}. */
    private double medianBarsPerDay(BarInterval interval) {
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        for (dev.crashlab.data.OhlcvSeries s : data.prices()) {
            if (!s.interval().equals(interval)) {
                continue;
            }
            java.time.ZoneId zone = s.instrument().calendar().zone();
            java.time.LocalDate day = null;
            int count = 0;
            for (int b = 0; b < s.size(); b++) {
                java.time.LocalDate d = s.time(b).atZone(zone).toLocalDate();
                if (!d.equals(day)) {
                    if (day != null) {
                        counts.add(count);
                    }
                    day = d;
                    count = 0;
                }
                count++;
            }
            if (day != null) {
                counts.add(count);
            }
        }
        if (counts.isEmpty()) {
            return 86_400_000.0 / interval.nominal().toMillis();
        }
        java.util.Collections.sort(counts);
        return counts.get(counts.size() / 2);
    }

    /** Runs the backtest (and its benchmark) and returns the result. */
    public BacktestResult run() {
        Strategy main = strategy.get();
        RegimeClassifier classifier = regime == null ? null : regime.get();
        // One clock and one set of indicators for both runs: they step over the same bars, and a
        // long universe's clock is not cheap to build.
        SharedInputs shared = new SharedInputs(this);
        Run.Outcome outcome = new Run(this, shared, main, classifier, true).execute();
        Run.Outcome bench = benchmark == null ? null : new Run(this, shared, benchmark.get(), null, false).execute();
        return BacktestResult.of(this, shared.periodsPerYear, outcome, bench);
    }

    /**
     * Runs the strategy through the engine loop alone and returns its equity at each step's
     * close: no benchmark, regimes, trades, metrics or result are built. For measuring the loop
     * apart from the result (the benchmarks), and for callers that need only the curve.
     */
    public double[] runEquityOnly() {
        return new Run(this, new SharedInputs(this), strategy.get(), null, false).execute().equity();
    }

    /** Returns the clock of the data over [start, end], or fails when no bar falls within. */
    MarketClock clock() {
        MarketClock clock = MarketClock.of(data.prices(), start, end);
        if (clock.size() == 0) {
            throw new IllegalArgumentException("no bars between start " + start + " and end " + end
                    + ": the data covers " + data.firstTime() + " .. " + data.lastTime());
        }
        return clock;
    }

    /**
     * A window of UTC dates, both included.
     *
     * @param from the first date
     * @param to   the last date, on or after {@code from}
     */
    public record Window(LocalDate from, LocalDate to) {

        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("a window ends on or after its start: " + from + " .. " + to);
            }
        }
    }

    /**
     * Returns this backtest over {@code other} data, every other term the same: a stress path's
     * resampled history run as the original is.
     */
    public Backtest withData(MarketData other) {
        return new Backtest(name, other, strategy, parameters, config, start, end, initialCash, contributions, costs, margin,
                periodsPerYear, riskFreeRate, benchmarkName, benchmark, regime, allowPartialData, crises, candles);
    }

    /** Returns a builder starting from this backtest. */
    public Builder toBuilder() {
        Builder b = new Builder(data);
        b.name = name;
        b.strategy = strategy;
        b.parameters = parameters;
        b.config = config;
        b.start = start;
        b.end = end;
        b.initialCash = initialCash;
        b.contributions = contributions;
        b.costs = costs;
        b.margin = margin;
        b.periodsPerYear = periodsPerYear;
        b.riskFreeRate = riskFreeRate;
        b.benchmarkName = benchmarkName;
        b.benchmark = benchmark;
        b.regime = regime;
        b.allowPartialData = allowPartialData;
        b.crises = crises;
        b.candles = candles;
        return b;
    }

    /** Builds a {@link Backtest}; each setter returns this builder. */
    public static final class Builder {
        private final MarketData data;
        private String name = "backtest";
        private Supplier<? extends Strategy> strategy;
        private Map<String, Object> parameters = Map.of();
        private Map<String, Object> config = Map.of();
        private Instant start;
        private Instant end;
        private double initialCash = 10_000;
        private Contributions contributions = Contributions.NONE;
        private Costs costs = Costs.DEFAULTS;
        private Margin margin = Margin.NONE;
        private double periodsPerYear;
        private double riskFreeRate;
        private String benchmarkName;
        private Supplier<? extends Strategy> benchmark;
        private Supplier<? extends RegimeClassifier> regime;
        private boolean allowPartialData;
        private List<CrisisWindow> crises = List.of();
        private Window candles;

        private Builder(MarketData data) {
            this.data = Objects.requireNonNull(data, "data");
        }

        /** Sets the run's name (default {@code backtest}). */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** Sets what makes the strategy; called once per run. */
        public Builder strategy(Supplier<? extends Strategy> value) {
            this.strategy = value;
            return this;
        }

        /** Sets the parameters echoed in results. */
        public Builder parameters(Map<String, Object> value) {
            this.parameters = value;
            return this;
        }

        /** Sets the configuration echoed in results. */
        public Builder config(Map<String, Object> value) {
            this.config = value;
            return this;
        }

        /** Sets the first instant (default: the first bar of the data). */
        public Builder start(Instant value) {
            this.start = value;
            return this;
        }

        /** Sets the last instant (default: the last bar of the data). */
        public Builder end(Instant value) {
            this.end = value;
            return this;
        }

        /** Sets the starting cash (default 10,000). */
        public Builder initialCash(double value) {
            this.initialCash = value;
            return this;
        }

        /** Sets the external cash flows (default none). */
        public Builder contributions(Contributions value) {
            this.contributions = value;
            return this;
        }

        /** Sets the cost assumptions (default {@link Costs#DEFAULTS}). */
        public Builder costs(Costs value) {
            this.costs = value;
            return this;
        }

        /** Sets the margin terms (default {@link Margin#NONE}). */
        public Builder margin(Margin value) {
            this.margin = value;
            return this;
        }

        /** Sets the periods per year for annualised metrics (default: 365 with crypto, else 252). */
        public Builder periodsPerYear(double value) {
            this.periodsPerYear = value;
            return this;
        }

        /** Sets the annual risk-free rate of the Sharpe ratio (default 0). */
        public Builder riskFreeRate(double value) {
            this.riskFreeRate = value;
            return this;
        }

        /** Sets the benchmark strategy, run with the same cash, flows and costs. */
        public Builder benchmark(String benchmarkLabel, Supplier<? extends Strategy> value) {
            this.benchmarkName = benchmarkLabel;
            this.benchmark = value;
            return this;
        }

        /** Sets the regime classifier whose labels the result carries. */
        public Builder regime(Supplier<? extends RegimeClassifier> value) {
            this.regime = value;
            return this;
        }

        /**
         * Sets whether the strategy may order an instrument before its data begins or hold it
         * after its data ends, with a warning in the results (default false: such a run is refused).
         */
        public Builder allowPartialData(boolean value) {
            this.allowPartialData = value;
            return this;
        }

        /**
         * Sets the crisis windows the results score, one scorecard row each, in this order (default
         * none); names must be unique. {@link CrisisWindow#BUILT_IN} holds the well-known ones.
         */
        public Builder crises(List<CrisisWindow> value) {
            this.crises = value;
            return this;
        }

        /** Sets the window of the report's candlestick chart (default: around the deepest drawdown). */
        public Builder candles(Window value) {
            this.candles = value;
            return this;
        }

        /** Returns the backtest. */
        public Backtest build() {
            return new Backtest(name, data, strategy, parameters, config, start == null ? data.firstTime() : start,
                    end == null ? data.lastTime() : end, initialCash, contributions, costs, margin, periodsPerYear,
                    riskFreeRate, benchmarkName, benchmark, regime, allowPartialData, crises, candles);
        }
    }
}

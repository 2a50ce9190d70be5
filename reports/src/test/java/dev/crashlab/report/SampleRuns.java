package dev.crashlab.report;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.backtest.PathSensitivity;
import dev.crashlab.clock.Schedule;
import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.data.Symbol;
import dev.crashlab.data.io.DataFolder;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Margin;
import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.results.Metric;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.SweepAxis;
import dev.crashlab.results.SweepResults;
import dev.crashlab.results.SweepSelection;
import dev.crashlab.results.SweepVariant;
import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.stress.StressMethod;
import dev.crashlab.stress.StressOptions;
import dev.crashlab.stress.StressTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic report inputs: small backtests run with the engine on crashlab's committed synthetic
 * sample ({@code data/sample}) and on inline bars, as results records. Built once per test JVM.
 */
public final class SampleRuns {

    /** The generatedAt stamp of every results.json made here. */
    static final Instant GENERATED = Instant.parse("2026-01-02T03:04:05Z");

    /** The render time of every report made in tests, so that pages are byte-identical. */
    static final ReportOptions OPTIONS = ReportOptions.at(Instant.parse("2026-01-02T10:00:00Z"));

    static final String HOSTILE_STRATEGY = "<script>alert(1)</script>";
    static final String HOSTILE_SYMBOL = "Q\"X'<b>&amp;";
    static final String HOSTILE_RUN = "<b>bold</b> & \"quoted\" 'run'";
    static final String HOSTILE_NOTE = "<img src=x onerror=alert(2)> </script><script>alert(3)</script>";
    static final String HOSTILE_TAG = "\"'><svg onload=alert(4)>";

    private static final String BTC = "BTC-USD";
    private static final String ETH = "ETH-USD";
    private static final String SOL = "SOL-USD";
    private static final String FLOWS = "etf_flows_btc.total";

    private static MarketData sample;
    private static RunResults playbook;
    private static List<RunResults> leverage;
    private static RunResults hostile;
    private static RunResults carry;

    private SampleRuns() {
    }

    /** Returns the committed sample folder, found from the working directory upwards. */
    static Path sampleFolder() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("data").resolve("sample");
            if (Files.isRegularFile(candidate.resolve("BTC-USD.csv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("data/sample not found above " + Path.of("").toAbsolutePath());
    }

    /** Returns the synthetic sample: six instruments and the ETF-flow series. */
    static synchronized MarketData sample() {
        if (sample == null) {
            DataFolder folder = DataFolder.load(sampleFolder());
            MarketData.Builder b = MarketData.builder();
            folder.prices().forEach(b::add);
            for (DataFolder.SeriesFile file : folder.series()) {
                for (NonPriceSeries s : file.columns()) {
                    b.add(s);
                }
            }
            sample = b.build();
        }
        return sample;
    }

    /**
     * Returns the results of {@link CrashPlaybook} on the sample, 2020 to 2025: weekly DCA into
     * BTC dips held back on ETF outflows, quarterly trims, a leveraged SOL long liquidated in the
     * October 2024 crash, an ETH short after the December rebound; regimes, crisis windows and a
     * buy-and-hold benchmark.
     */
    public static synchronized RunResults playbook() {
        if (playbook == null) {
            BacktestResult r = Backtest.builder(sample()).name("crash-playbook")
                    .strategy(CrashPlaybook::new)
                    .parameters(CrashPlaybook.PARAMETERS)
                    .initialCash(10_000)
                    .contributions(Contributions.every(Schedule.WEEKLY, 250))
                    .costs(Costs.DEFAULTS.withFeeRate(0.001).withSlippageBps(5).withBorrowRate(0.03))
                    .margin(Margin.forLeverage(3, 0.15, 0.01))
                    .benchmark("buy-and-hold BTC-USD", () -> new BuyAll(BTC))
                    .regime(BtcDrawdownRegime::new)
                    .crises(PLAYBOOK_CRISES)
                    .build().run();
            playbook = r.toResults(GENERATED);
        }
        return playbook;
    }

    /**
     * The crisis windows the playbook scores: the built-in ones, one of the sample's own, and one
     * before the sample begins, which the scorecard must list as outside the run's data.
     */
    public static final List<CrisisWindow> PLAYBOOK_CRISES = Stream.concat(CrisisWindow.BUILT_IN.stream(),
            Stream.of(new CrisisWindow("Sample liquidity crash", LocalDate.of(2024, 9, 30),
                    LocalDate.of(2024, 10, 18), "The sample's own crash: everything falls at once."),
                    new CrisisWindow("Mt. Gox <halt>", LocalDate.of(2014, 2, 7), LocalDate.of(2014, 2, 24),
                            "Before the sample; its name is hostile on purpose."))).toList();

    /** Returns three runs of a BTC trend strategy at 1x, 2x and 3x leverage on the sample. */
    static synchronized List<RunResults> leverageLevels() {
        if (leverage == null) {
            leverage = List.of(1.0, 2.0, 3.0).stream().map(x -> {
                BacktestResult r = Backtest.builder(sample()).name("trend-btc-" + x.intValue() + "x")
                        .strategy(() -> new Trend(x)).parameters(inOrder("leverage", x, "sma", 100))
                        .initialCash(10_000).costs(Costs.DEFAULTS.withFeeRate(0.001))
                        .margin(Margin.forLeverage(3, 0.1, 0.01))
                        .benchmark("buy-and-hold BTC-USD", () -> new BuyAll(BTC))
                        .regime(BtcDrawdownRegime::new)
                        .build().run();
                return r.toResults(GENERATED);
            }).toList();
        }
        return leverage;
    }

    private static StressResults stress;

    /**
     * Returns the stress paths of the 3x trend run on the sample: 40 bootstrap paths (mean block
     * 20 days) and 40 crisis replays of the playbook's windows within the sample and one of the test's own.
     */
    static synchronized StressResults stress() {
        if (stress == null) {
            Backtest backtest = Backtest.builder(sample()).name("trend-btc-3x").strategy(() -> new Trend(3.0))
                    .parameters(inOrder("leverage", 3.0, "sma", 100)).initialCash(10_000)
                    .contributions(Contributions.every(Schedule.WEEKLY, 250)).costs(Costs.DEFAULTS.withFeeRate(0.001))
                    .margin(Margin.forLeverage(3, 0.1, 0.01)).benchmark("buy-and-hold BTC-USD", () -> new BuyAll(BTC))
                    .regime(BtcDrawdownRegime::new)
                    .crises(Stream.concat(PLAYBOOK_CRISES.stream(), Stream.of(new CrisisWindow("A made-up fall",
                            LocalDate.of(2021, 5, 10), LocalDate.of(2021, 5, 20), "the test's own window"))).toList()).build();
            StressOptions options = StressOptions.DEFAULTS.withPaths(40).withSeed(7)
                    .withMethods(List.of(StressMethod.BOOTSTRAP, StressMethod.CRISIS_REPLAY)).withMeanBlockDays(20);
            StressTest test = StressTest.of(backtest, options);
            List<StressTest.Path> paths = java.util.stream.IntStream.range(0, test.size()).mapToObj(test::path).toList();
            stress = test.results(test.historical(), paths, GENERATED);
        }
        return stress;
    }

    /** Returns a sweep of the BTC trend strategy over leverage (1x to 3x) and its moving average (50 to 200 days). */
    public static SweepResults trendSweep() {
        List<SweepAxis> axes = List.of(axis("leverage", 1.0, 1.5, 2.0, 2.5, 3.0), axis("sma", 50, 100, 150, 200));
        List<RunMetrics> metrics = new java.util.ArrayList<>();
        List<double[]> returns = new java.util.ArrayList<>();
        for (double x : new double[] {1.0, 1.5, 2.0, 2.5, 3.0}) {
            for (int sma : new int[] {50, 100, 150, 200}) {
                BacktestResult r = Backtest.builder(sample()).name("trend-" + sma + "-" + x)
                        .strategy(() -> new Trend(x, sma)).parameters(inOrder("leverage", x, "sma", sma))
                        .initialCash(10_000).costs(Costs.DEFAULTS.withFeeRate(0.001))
                        .margin(Margin.forLeverage(3, 0.1, 0.01)).build().run();
                metrics.add(RunMetrics.of(r.metrics()));
                returns.add(r.periodReturns());
            }
        }
        return sweep("Trend on BTC: leverage × moving average", axes, metrics, returns.toArray(double[][]::new), 16,
                k -> null);
    }

    /** Returns an axis of a sweep over {@code values}. */
    static SweepAxis axis(String parameter, Object... values) {
        JsonMapper json = JsonMapper.builder().build();
        return new SweepAxis(parameter, java.util.Arrays.stream(values).<JsonNode>map(v -> json.valueToTree(v)).toList());
    }

    /**
     * Returns the sweep of the grid of {@code axes} whose variants, in row-major order, have
     * {@code metrics}, {@code returns} and the report {@code report} gives each index; its
     * selection statistics over {@code blocks} CSCV blocks, ranked by Sharpe ratio.
     */
    static SweepResults sweep(String name, List<SweepAxis> axes, List<RunMetrics> metrics, double[][] returns, int blocks,
            java.util.function.IntFunction<String> report) {
        List<SweepVariant> variants = new java.util.ArrayList<>();
        for (int k = 0; k < metrics.size(); k++) {
            Map<String, JsonNode> parameters = new LinkedHashMap<>();
            int rest = k;
            for (int a = axes.size() - 1; a >= 0; a--) {
                SweepAxis axis = axes.get(a);
                parameters.put(axis.parameter(), axis.values().get(rest % axis.size()));
                rest /= axis.size();
            }
            Map<String, JsonNode> ordered = new LinkedHashMap<>();
            axes.forEach(a -> ordered.put(a.parameter(), parameters.get(a.parameter())));
            variants.add(new SweepVariant(SweepResults.variantId("trend", k, metrics.size()), ordered, metrics.get(k),
                    report.apply(k)));
        }
        Metric sharpe = Metric.of("sharpe").orElseThrow();
        SweepSelection selection = SweepSelection.of(returns, axes, metrics, sharpe, blocks);
        return new SweepResults(SweepResults.SCHEMA, "0.1.0", GENERATED, name, "trend", "sharpe", axes, selection.variant(),
                variants, selection);
    }

    /**
     * Returns parameters in the order given as name, value, name, value...: a page lists them in
     * this order in every JVM, where {@code Map.of} would list them in an order that varies.
     */
    static Map<String, Object> inOrder(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    /** Returns the parameter values of a sweep variant, given as name, value, name, value... */
    static Map<String, JsonNode> parameters(Object... namesAndValues) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], json.valueToTree(namesAndValues[i + 1]));
        }
        return values;
    }

    /**
     * Returns the results of a run built to attack the report: its name, strategy name,
     * parameters, symbol, order tags and notes hold HTML and script.
     */
    public static synchronized RunResults hostile() {
        if (hostile == null) {
            Instrument odd = Instrument.of(HOSTILE_SYMBOL, AssetClass.CRYPTO);
            OhlcvSeries bars = randomWalk(odd, LocalDate.of(2024, 1, 1), 120, 100, 7);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("note", "</script><script>alert(5)</script>");
            params.put("x\"y", "a'b");
            BacktestResult r = Backtest.builder(MarketData.of(bars)).name(HOSTILE_RUN)
                    .strategy(() -> new Hostile(odd.symbol().value())).parameters(params).initialCash(1_000)
                    .build().run();
            hostile = r.toResults(GENERATED);
        }
        return hostile;
    }

    /**
     * Returns the results of a 60-day BTC buy-and-hold run whose costs use every unit the report shows: a fee
     * rate and a fixed fee per fill, slippage, a borrow rate a year, a funding rate per 8 hours and
     * a published funding series in percent, positive when longs pay, hence its scale of −0.01; and a
     * liquidation fee.
     */
    static synchronized RunResults carry() {
        if (carry == null) {
            LocalDate first = LocalDate.of(2024, 1, 1);
            int days = 60;
            LocalDate[] dates = new LocalDate[days];
            double[] percentPer8Hours = new double[days];
            for (int d = 0; d < days; d++) {
                dates[d] = first.plusDays(d);
                percentPer8Hours[d] = 0.01;
            }
            MarketData data = MarketData.builder()
                    .add(randomWalk(Instrument.of(BTC, AssetClass.CRYPTO), first, days, 40_000, 3))
                    .add(NonPriceSeries.of("btc_funding", PublicationRule.NEXT_DAY_UTC, dates, percentPer8Hours))
                    .build();
            BacktestResult r = Backtest.builder(data).name("carry-costs").strategy(() -> new BuyAll(BTC))
                    .initialCash(10_000)
                    .costs(Costs.DEFAULTS.withFeeRate(0.001).withFixedFee(1.5).withSlippageBps(5).withBorrowRate(0.05)
                            .withFundingRate(0.0001)
                            .withFundingSeries(Map.of(Symbol.of(BTC), new Costs.FundingSeries("btc_funding", -0.01))))
                    .margin(Margin.forLeverage(1, 0.05, 0.01))
                    .build().run();
            carry = r.toResults(GENERATED);
        }
        return carry;
    }

    private static RunResults gated;

    /** The first day of {@link #gated()}. */
    static final LocalDate GATED_START = LocalDate.of(2024, 1, 1);

    /**
     * Returns a 60-day run of {@link GatedDca} from {@link #GATED_START}: BTC-USD bought while a
     * hand-built gate is open, the figures and states it tracks as {@link GatedDca} describes, an
     * ETH-USD position held past the end of its data (allowed with allowPartialData, so a data
     * warning) and the strategy's own warning, given at three steps and kept once.
     */
    static synchronized RunResults gated() {
        if (gated == null) {
            OhlcvSeries btc = randomWalk(Instrument.of(BTC, AssetClass.CRYPTO), GATED_START, 60, 40_000, 5);
            OhlcvSeries eth = randomWalk(Instrument.of(ETH, AssetClass.CRYPTO), GATED_START, 40, 2_000, 6);
            BacktestResult r = Backtest.builder(MarketData.of(btc, eth)).name("gated-dca").strategy(GatedDca::new)
                    .initialCash(10_000).allowPartialData(true).build().run();
            gated = r.toResults(GENERATED);
        }
        return gated;
    }

    private static RunResults crowded;

    /**
     * Returns a 60-day run whose strategy tracks {@link Crowded#SERIES} series at every step, eight
     * states and 42 figures, among them a state that never holds, one that always holds, a figure
     * never recorded (NaN at every step) and a state and a figure whose names hold markup and
     * quotes; it warns with markup too.
     */
    static synchronized RunResults crowded() {
        if (crowded == null) {
            OhlcvSeries btc = randomWalk(Instrument.of(BTC, AssetClass.CRYPTO), GATED_START, 60, 40_000, 8);
            crowded = Backtest.builder(MarketData.of(btc)).name("crowded-signals").strategy(Crowded::new)
                    .initialCash(10_000).build().run().toResults(GENERATED);
        }
        return crowded;
    }

    private static RunResults liquidated;

    /**
     * Returns a 10× long of BTC-USD on the default maintenance tiers, liquidated on a 20 % fall,
     * beside an ETH-USD whose data ends before the run and which is ordered after it ended: allowed
     * with allowPartialData, so the results carry a warning.
     */
    static synchronized RunResults liquidated() {
        if (liquidated == null) {
            Instrument btc = Instrument.of("BTC-USD", AssetClass.CRYPTO);
            Instrument eth = Instrument.of("ETH-USD", AssetClass.CRYPTO);
            OhlcvSeries.Builder b = OhlcvSeries.builder(btc);
            OhlcvSeries.Builder e = OhlcvSeries.builder(eth);
            LocalDate first = LocalDate.of(2024, 3, 1);
            for (int d = 0; d < 10; d++) {
                double open = d == 4 ? 100 : (d < 4 ? 100 : 80);
                double low = d == 4 ? 78 : open;
                b.add(first.plusDays(d), open, open, low, d == 4 ? 80 : open, 1);
                if (d < 6) {
                    e.add(first.plusDays(d), 10, 10, 10, 10, 1);
                }
            }
            Strategy tenTimes = new Strategy() {
                @Override
                public void onBar(StrategyContext ctx) {
                    if (ctx.step() == 2) {
                        ctx.submit(Order.buyValue("BTC-USD", 10 * 9_000));
                    }
                    if (ctx.step() == 6) {
                        ctx.submit(Order.buyValue("ETH-USD", 5));
                    }
                }
            };
            BacktestResult r = Backtest.builder(MarketData.of(b.build(), e.build())).name("ten-times").strategy(() -> tenTimes)
                    .initialCash(10_000).margin(Margin.forLeverage(10)).allowPartialData(true).build().run();
            liquidated = r.toResults(GENERATED);
        }
        return liquidated;
    }

    /**
     * Returns the budget case: {@code years} of daily bars for {@code instruments} crypto
     * instruments (random walks), and a strategy that opens and closes about {@code trades}
     * round trips, long and short, with a benchmark and regimes.
     */
    static RunResults budget(int years, int instruments, int trades) {
        return budgetRun(years, instruments, trades).toResults(GENERATED);
    }

    /** Returns the results.json bytes of {@link #budget}. */
    static byte[] budgetResultsJson(int years, int instruments, int trades) {
        return ResultsJson.toBytes(budget(years, instruments, trades));
    }

    private static BacktestResult budgetRun(int years, int instruments, int trades) {
        LocalDate first = LocalDate.of(2015, 1, 1);
        int days = years * 365;
        MarketData.Builder b = MarketData.builder();
        for (int i = 0; i < instruments; i++) {
            b.add(randomWalk(Instrument.of("COIN" + i + "-USD", AssetClass.CRYPTO), first, days, 100 + 10 * i, 11 + i));
        }
        MarketData data = b.build();
        int every = Math.max(2, days / (trades + 1));
        BacktestResult r = Backtest.builder(data).name("budget-" + years + "y-" + instruments + "x-" + trades)
                .strategy(() -> new RoundRobin(every)).parameters(Map.of("every", every))
                .initialCash(100_000).costs(Costs.DEFAULTS.withFeeRate(0.001).withBorrowRate(0.02))
                .benchmark("buy-and-hold COIN0-USD", () -> new BuyAll("COIN0-USD"))
                .regime(() -> new DrawdownRegime("COIN0-USD", List.of()))
                .build().run();
        return r;
    }

    /** Returns daily bars of a seeded random walk with ranges around the closes. */
    static OhlcvSeries randomWalk(Instrument instrument, LocalDate first, int days, double start, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OhlcvSeries.Builder b = OhlcvSeries.builder(instrument);
        double close = start;
        for (int d = 0; d < days; d++) {
            double open = close;
            close = Math.max(0.01, close * Math.exp(0.0003 + 0.03 * (random.nextDouble() * 2 - 1) * 1.7));
            double high = Math.max(open, close) * (1 + 0.01 * random.nextDouble());
            double low = Math.min(open, close) * (1 - 0.01 * random.nextDouble());
            b.add(first.plusDays(d), open, high, low, close, 1000);
        }
        return b.build();
    }

    private static RunResults pathSensitive;

    /**
     * Returns a 90-day run of {@link Bracket} on a wide-wicked random walk of BTC-USD at up to 3x margin, with
     * its path sensitivity over 20 bridge paths of 24 sub-bars: brackets whose limit and stop both
     * lie inside some bar's range, so that the path decides which exit fills.
     */
    static synchronized RunResults pathSensitive() {
        if (pathSensitive == null) {
            // Wicks of up to 4 % beyond the open and the close: many bars reach both exits of a bracket.
            SplittableRandom random = new SplittableRandom(11);
            OhlcvSeries.Builder b = OhlcvSeries.builder(Instrument.of(BTC, AssetClass.CRYPTO));
            double close = 40_000;
            for (int d = 0; d < 90; d++) {
                double open = close;
                close = open * Math.exp(0.03 * (random.nextDouble() * 2 - 1));
                b.add(LocalDate.of(2024, 1, 1).plusDays(d), open, Math.max(open, close) * (1 + 0.04 * random.nextDouble()),
                        Math.min(open, close) * (1 - 0.04 * random.nextDouble()), close, 1000);
            }
            OhlcvSeries btc = b.build();
            Backtest backtest = Backtest.builder(MarketData.of(btc)).name("bracket-paths").strategy(Bracket::new)
                    .initialCash(10_000).margin(Margin.forLeverage(3, 0.05, 0.01)).build();
            pathSensitive = backtest.run().toResults(GENERATED,
                    PathSensitivity.of(backtest, new PathSensitivity.Options(20, 24, 1)));
        }
        return pathSensitive;
    }

    /** Holds BTC-USD at 2x with a take-profit 3 % above and a stop 3 % below each close; re-enters when flat. */
    static final class Bracket implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            var bars = ctx.bars(BTC);
            double close = bars.close(bars.size() - 1);
            ctx.cancelAll(BTC);
            if (ctx.portfolio().quantity(BTC) == 0) {
                ctx.targetWeight(BTC, 2);
            } else {
                ctx.submit(Order.closeLimit(BTC, close * 1.03));
                ctx.submit(Order.closeStop(BTC, close * 0.97));
            }
        }
    }

    /** Buys {@code symbol} with all cash, whenever there is cash. */
    static final class BuyAll implements Strategy {
        private final String symbol;

        BuyAll(String symbol) {
            this.symbol = symbol;
        }

        @Override
        public void onBar(StrategyContext ctx) {
            if (ctx.portfolio().cash() > 1) {
                ctx.submit(Order.buyValue(symbol, ctx.portfolio().cash()));
            }
        }
    }

    /** The sample playbook: see {@link #playbook()}. */
    static final class CrashPlaybook implements Strategy {
        static final Map<String, Object> PARAMETERS = inOrder("dipDrawdown", -0.15, "trimNearHigh", -0.05,
                "solLeverage", 1.5, "ethShortWeight", 0.3);

        private FastIndicator btcDrawdown;

        @Override
        public void init(StrategyContext ctx) {
            btcDrawdown = ctx.indicators(BTC).drawdownFromHigh(90);
        }

        @Override
        public void onBar(StrategyContext ctx) {
            LocalDate d = ctx.date();
            double cash = ctx.portfolio().cash();
            if (d.getDayOfWeek() == DayOfWeek.MONDAY && cash > 100 && btcDrawdown.isReady()
                    && btcDrawdown.value() <= -0.15) {
                double flows = ctx.hasSeries(FLOWS) ? ctx.series(FLOWS).sumOverDays(d, 5) : 0;
                if (flows < 0) {
                    ctx.record(Event.Kind.HELD_BACK, BTC, "dip buy held back: ETF outflows over 5 days", flows);
                } else {
                    ctx.submit(Order.buyValue(BTC, cash * 0.6).withTag("dip"));
                }
            }
            if (d.getDayOfMonth() <= 3 && d.getMonthValue() % 3 == 1 && btcDrawdown.isReady()
                    && btcDrawdown.value() > -0.05 && ctx.portfolio().quantity(BTC) > 0
                    && ctx.portfolio().openOrders().isEmpty()) {
                ctx.submit(Order.sell(BTC, ctx.portfolio().quantity(BTC) * 0.2).withTag("trim"));
            }
            if (d.equals(LocalDate.of(2024, 9, 16))) {
                ctx.submit(Order.buy(SOL, 1e7).withTag("too big"));
                ctx.submit(Order.targetWeight(SOL, 1.5).withTag("levered"));
            }
            if (d.equals(LocalDate.of(2024, 12, 16))) {
                ctx.submit(Order.sellValue(ETH, ctx.portfolio().equity() * 0.3).withTag("fade"));
            }
            if (d.equals(LocalDate.of(2025, 1, 15))) {
                ctx.submit(Order.close(ETH).withTag("cover"));
            }
        }
    }

    /**
     * Buys 100 of BTC-USD a step while its gate is open and holds the cash back while it is closed,
     * buying what it held back when the gate opens again; buys 50 of ETH-USD at step 1. It tracks,
     * at each step:
     * <ul>
     *   <li>{@code etf flows 7d (US$ m)}, a figure: (step - 30) × 10, not recorded before step 5
     *       (warm-up) nor at steps 20 to 22 (stale, with a warning);</li>
     *   <li>{@code gate open}, a state: not recorded at steps 0 to 2 and 30, not holding at steps
     *       10 to 14, 31 to 33 and 58 to 59 (the last two), holding otherwise;</li>
     *   <li>{@code flows known}, a state: whether the flows figure was recorded;</li>
     *   <li>{@code held back (cumulative)}, a figure: 100 for each step the gate was closed so far.</li>
     * </ul>
     */
    static final class GatedDca implements Strategy {
        static final String FLOWS = "etf flows 7d (US$ m)";
        static final String GATE = "gate open";
        static final String KNOWN = "flows known";
        static final String HELD = "held back (cumulative)";
        static final String STALE = "etf flows stale from 2024-01-21: the gate keeps its last decision";

        private double heldBack;
        private double owed;

        @Override
        public void onBar(StrategyContext ctx) {
            int s = ctx.step();
            boolean flowsKnown = s >= 5 && (s < 20 || s > 22);
            if (flowsKnown) {
                ctx.track(FLOWS, (s - 30) * 10.0);
            } else if (s >= 20) {
                ctx.warn(STALE);
            }
            ctx.track(KNOWN, flowsKnown);
            if (s == 1) {
                ctx.buyValue(ETH, 50);
            }
            if (s > 2 && s != 30) {
                boolean open = !(s >= 10 && s <= 14 || s >= 31 && s <= 33 || s >= 58);
                ctx.track(GATE, open);
                if (open) {
                    ctx.buyValue(BTC, 100 + owed);
                    owed = 0;
                } else {
                    heldBack += 100;
                    owed += 100;
                }
            }
            ctx.track(HELD, heldBack);
        }
    }

    /** Tracks {@link #SERIES} series at every step; see {@link #crowded()}. */
    static final class Crowded implements Strategy {
        static final int SERIES = 50;
        static final String NEVER = "never open";
        static final String ALWAYS = "always open";
        static final String UNKNOWN = "never recorded";
        static final String HOSTILE_STATE = "<script>alert('gate')</script> \"open\"";
        static final String HOSTILE_FIGURE = "</script><img src=x onerror=alert(6)> 'z'";
        static final String HOSTILE_WARNING = "<b>stale</b> & \"quoted\" (not allowPartialData)";

        @Override
        public void onBar(StrategyContext ctx) {
            int s = ctx.step();
            ctx.warn(HOSTILE_WARNING);
            ctx.track(NEVER, false);
            ctx.track(ALWAYS, true);
            ctx.track(UNKNOWN, Double.NaN);
            ctx.track(HOSTILE_STATE, s % 7 != 0);
            ctx.track(HOSTILE_FIGURE, Math.sin(s / 5.0));
            for (int k = 5; k < SERIES; k++) {
                if (k < 10) {
                    ctx.track("gate " + k, s % k != 0);
                } else {
                    ctx.track("signal " + k, k + Math.cos(s / (double) k));
                }
            }
        }
    }

    /** Holds BTC at {@code leverage} times equity while it closes above its moving average. */
    static final class Trend implements Strategy {
        private final double leverage;
        private final int days;
        private FastIndicator sma;
        private boolean in;

        Trend(double leverage) {
            this(leverage, 100);
        }

        Trend(double leverage, int days) {
            this.leverage = leverage;
            this.days = days;
        }

        @Override
        public void init(StrategyContext ctx) {
            sma = ctx.indicators(BTC).sma(days);
        }

        @Override
        public void onBar(StrategyContext ctx) {
            if (!sma.isReady()) {
                return;
            }
            boolean above = ctx.bars(BTC).close() > sma.value();
            if (above && !in) {
                ctx.submit(Order.targetWeight(BTC, leverage * 0.95));
                in = true;
            } else if (!above && in) {
                ctx.submit(Order.close(BTC));
                in = false;
            }
        }
    }

    /** Opens a position every {@code every} days in the next instrument, alternately long and short, and closes it after half the spacing. */
    static final class RoundRobin implements Strategy {
        private final int every;
        private int opened;

        RoundRobin(int every) {
            this.every = every;
        }

        @Override
        public void onBar(StrategyContext ctx) {
            int step = ctx.step();
            List<String> all = ctx.symbols();
            if (step % every == 0) {
                String s = all.get(opened % all.size());
                double value = ctx.portfolio().equity() * 0.2;
                ctx.submit(opened % 2 == 0 ? Order.buyValue(s, value).withTag("rr long")
                        : Order.sellValue(s, value).withTag("rr short"));
                opened++;
            } else if (step % every == every / 2) {
                for (String s : all) {
                    if (ctx.portfolio().quantity(s) != 0) {
                        ctx.submit(Order.close(s).withTag("rr close"));
                    }
                }
            }
        }
    }

    /** Buys, sells with a hostile tag, and records a hostile note. */
    static final class Hostile implements Strategy {
        private final String symbol;

        Hostile(String symbol) {
            this.symbol = symbol;
        }

        @Override
        public String name() {
            return HOSTILE_STRATEGY;
        }

        @Override
        public void onBar(StrategyContext ctx) {
            if (ctx.step() == 5) {
                ctx.submit(Order.buyValue(symbol, 500).withTag(HOSTILE_TAG));
                ctx.note(HOSTILE_NOTE);
            }
            if (ctx.step() == 60) {
                ctx.submit(Order.close(symbol).withTag(HOSTILE_TAG));
            }
        }
    }

    /** Labels calm, drawdown and crash from BTC's drawdown from its 180-day high; names two crisis windows. */
    static final class BtcDrawdownRegime extends DrawdownRegime {
        BtcDrawdownRegime() {
            super(BTC, List.of(
                    new CrisisWindow("Liquidity crash", LocalDate.of(2024, 9, 30), LocalDate.of(2024, 10, 18),
                            "Everything falls at once; ETF outflows every session."),
                    new CrisisWindow("December rebound", LocalDate.of(2024, 12, 1),
                            LocalDate.of(2024, 12, 15), "ETH and SOL bounce 30-40 % off the lows.")));
        }
    }

    /** Labels calm (above -10 %), drawdown (to -30 %) and crash from one instrument's drawdown from its 180-day high. */
    static class DrawdownRegime implements RegimeClassifier {
        private final String symbol;
        private final List<CrisisWindow> windows;
        private FastIndicator drawdown;

        DrawdownRegime(String symbol, List<CrisisWindow> windows) {
            this.symbol = symbol;
            this.windows = windows;
        }

        @Override
        public List<String> labels() {
            return List.of("calm", "drawdown", "crash");
        }

        @Override
        public void init(StrategyContext ctx) {
            drawdown = ctx.indicators(symbol).drawdownFromHigh(180);
        }

        @Override
        public int classify(StrategyContext ctx) {
            double dd = drawdown.value();
            return !(dd < -0.1) ? 0 : dd > -0.3 ? 1 : 2;
        }

        @Override
        public List<CrisisWindow> namedWindows() {
            return windows;
        }
    }
}

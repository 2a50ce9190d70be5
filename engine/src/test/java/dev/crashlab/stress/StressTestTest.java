package dev.crashlab.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestException;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.clock.Schedule;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Margin;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.results.Quantiles;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.StressDistribution;
import dev.crashlab.results.StressFigures;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.StressSet;
import dev.crashlab.strategy.BuyAndHold;
import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.testing.TestBars;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Stress paths re-run a backtest on resampled histories: a liquidation on a path is counted,
 * figures add up to the results' distributions, probabilities and fan, paths do not depend on the
 * threads that run them, and crisis replay takes its windows from the backtest.
 */
class StressTestTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final Instant GENERATED = Instant.parse("2026-01-02T03:04:05Z");
    /** The day of the crash: BTC's low 40 % below the open, the close 35 % below. */
    private static final int CRASH = 50;

    /** 60 days of BTC moving ±0.5 % a day, alternately, except for the crash on day 50. */
    private static MarketData crashData() {
        OhlcvSeries.Builder btc = OhlcvSeries.builder(TestBars.crypto("BTC-USD"));
        double close = 100;
        for (int d = 0; d < 60; d++) {
            double open = close;
            double next = d == CRASH ? open * 0.65 : open * (d % 2 == 0 ? 1.005 : 0.995);
            double low = d == CRASH ? open * 0.6 : Math.min(open, next);
            btc.add(FIRST.plusDays(d), open, Math.max(open, next), low, next, 1);
            close = next;
        }
        return MarketData.of(btc.build());
    }

    /** Goes three times long at the first step and holds. */
    record ThreeTimesLongOnce() implements Strategy {
        @Override
        public void init(StrategyContext ctx) {
            ctx.targetWeight("BTC-USD", 3);
        }

        @Override
        public void onBar(StrategyContext ctx) {
        }
    }

    private static Backtest leveraged(MarketData data) {
        return Backtest.builder(data).name("three-x").strategy(ThreeTimesLongOnce::new).initialCash(10_000)
                .costs(Costs.DEFAULTS.withFeeRate(0.001)).margin(Margin.forLeverage(3))
                .benchmark("buy-and-hold BTC-USD", () -> new BuyAndHold(new BuyAndHold.Params(List.of("BTC-USD"))))
                .build();
    }

    private static List<StressTest.Path> all(StressTest test) {
        return IntStream.range(0, test.size()).mapToObj(test::path).toList();
    }

    @Test
    void aPathIsLiquidatedExactlyWhenTheCrashDayFallsWhileThePositionIsOpenAndItIsCounted() {
        StressTest test = StressTest.of(leveraged(crashData()), StressOptions.DEFAULTS.withPaths(200).withMeanBlockDays(5));

        List<StressTest.Path> paths = all(test);
        int expected = 0;
        for (int k = 0; k < paths.size(); k++) {
            // The position is bought at step 0 and filled at the open of position 1's bar.
            int[] days = test.days(k).days();
            boolean crashWhileHeld = IntStream.range(1, days.length).anyMatch(p -> days[p] == CRASH);
            expected += crashWhileHeld ? 1 : 0;
            assertThat(paths.get(k).figures().liquidations()).as("path %d", k).isEqualTo(crashWhileHeld ? 1 : 0);
        }
        StressResults results = test.results(test.historical(), paths, GENERATED);

        assertThat(expected).as("some paths meet the crash, some do not").isBetween(20, 180);
        assertThat(results.historical().liquidations()).isEqualTo(1);
        assertThat(results.sets().getFirst().probabilities().liquidation()).isEqualTo(expected / 200.0);
        assertThat(results.sets().getFirst().paths()).filteredOn(StressFigures::liquidated).hasSize(expected);
    }

    @Test
    void aPathEqualsItsResampledBacktestRunAloneAndTheHistoricalRunTheRealOne() {
        Backtest base = leveraged(crashData());
        StressTest test = StressTest.of(base, StressOptions.DEFAULTS.withPaths(5).withMeanBlockDays(5));

        BacktestResult alone = base.withData(test.history().along(test.days(3))).run();
        BacktestResult real = base.run();

        assertThat(test.path(3).figures()).isEqualTo(StressFigures.of(dev.crashlab.results.RunMetrics.of(alone.metrics())));
        assertThat(test.path(3).equity()).containsExactly(alone.equityCurve());
        assertThat(test.historical().figures()).isEqualTo(StressFigures.of(dev.crashlab.results.RunMetrics.of(real.metrics())));
    }

    @Test
    void theResultsDistributionsProbabilitiesAndFanAreThoseOfThePaths() {
        MarketData data = crashData();
        Backtest dca = Backtest.builder(data).name("dca").initialCash(0)
                .contributions(Contributions.every(Schedule.DAILY, 100))
                .strategy(() -> new BuyAndHold(new BuyAndHold.Params(List.of("BTC-USD")))).build();
        StressOptions options = StressOptions.DEFAULTS.withPaths(101).withMeanBlockDays(4);
        StressTest test = StressTest.of(dca, options);

        List<StressTest.Path> paths = all(test);
        StressResults results = test.results(test.historical(), paths, GENERATED);
        StressSet set = results.sets().getFirst();

        double[] cagr = paths.stream().mapToDouble(p -> p.figures().cagr()).toArray();
        double[] sorted = cagr.clone();
        java.util.Arrays.sort(sorted);
        StressDistribution distribution = set.distributions().get(1);
        assertThat(distribution.metric()).isEqualTo("cagr");
        // Type 1: k = ceil(101 x 0.05) = 6, the 6th smallest; the median the 51st.
        assertThat(distribution.quantile(0.05)).isEqualTo(sorted[5]);
        assertThat(distribution.quantile(0.5)).isEqualTo(sorted[50]);
        assertThat(distribution.quantile(0.99)).isEqualTo(sorted[99]);
        assertThat(distribution.mean()).isCloseTo(java.util.Arrays.stream(cagr).average().orElseThrow(),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(distribution.binCounts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(101);
        assertThat(distribution.binEdges().getFirst()).isEqualTo(sorted[0]);
        assertThat(distribution.binEdges().getLast()).isEqualTo(sorted[100]);
        assertThat(distribution.historical()).isEqualTo(results.historical().cagr());
        long below = paths.stream().filter(p -> p.figures().finalEquity() < p.figures().invested()).count();
        assertThat(set.probabilities().belowContributions()).isEqualTo(below / 101.0);
        assertThat(set.probabilities().drawdownBeyond()).extracting(d -> d.threshold()).containsExactly(-0.25, -0.5, -0.75);
        long beyond25 = paths.stream().filter(p -> p.figures().maxDrawdown() < -0.25).count();
        assertThat(set.probabilities().drawdownBeyond().getFirst().probability()).isEqualTo(beyond25 / 101.0);
        int step = 30;
        double[] column = paths.stream().mapToDouble(p -> p.equity()[step]).toArray();
        assertThat(set.fan()).hasSize(7);
        assertThat(set.fan().get(1).level()).isEqualTo(0.05);
        assertThat(set.fan().get(1).equity().get(step)).isEqualTo(Quantiles.of(column, 0.05));
        assertThat(results.steps().invested().get(step)).isEqualTo(3_100.0);
        assertThat(results.steps().times()).hasSize(60);
        assertThat(results.terms().meanBlockDays()).isEqualTo(4);
        assertThat(results.terms().blockLengthRule()).isEqualTo("configured");
        assertThat(results.terms().period()).isEqualTo(1);
        assertThat(results.terms().sampleStart()).isEqualTo(FIRST);
        assertThat(results.terms().sampleDays()).isEqualTo(60);
    }

    @Test
    void theSameSeedGivesTheSameResultsWhateverTheThreadsAndTheOrderOfThePaths() throws Exception {
        StressOptions options = StressOptions.DEFAULTS.withPaths(40).withSeed(42)
                .withMethods(List.of(StressMethod.BOOTSTRAP, StressMethod.CRISIS_REPLAY));
        List<CrisisWindow> crash = List.of(new CrisisWindow("crash", FIRST.plusDays(CRASH), FIRST.plusDays(CRASH + 1), ""));
        StressTest sequential = StressTest.of(leveraged(crashData()).toBuilder().crises(crash).build(), options);
        StressTest parallel = StressTest.of(leveraged(crashData()).toBuilder().crises(crash).build(), options);
        byte[] one = ResultsJson.toBytes(sequential.results(sequential.historical(), all(sequential), GENERATED));

        List<Integer> order = new ArrayList<>(IntStream.range(0, parallel.size()).boxed().toList());
        Collections.shuffle(order, new java.util.Random(7));
        StressTest.Path[] paths = new StressTest.Path[parallel.size()];
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int k : order) {
                tasks.add(pool.submit(() -> paths[k] = parallel.path(k)));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
        byte[] three = ResultsJson.toBytes(parallel.results(parallel.historical(), List.of(paths), GENERATED));

        assertThat(three).isEqualTo(one);
        StressOptions otherSeed = options.withSeed(43);
        StressTest other = StressTest.of(leveraged(crashData()).toBuilder().crises(crash).build(), otherSeed);
        assertThat(other.days(1)).isNotEqualTo(sequential.days(1));
    }

    @Test
    void crisisReplaySplicesTheBacktestsWindowsInOrderLeavingOutThoseOutsideTheSample() {
        CrisisWindow own = new CrisisWindow("crash", FIRST.plusDays(CRASH), FIRST.plusDays(CRASH + 1), "mine");
        Backtest base = leveraged(crashData()).toBuilder().crises(List.of(
                new CrisisWindow("early", FIRST.plusDays(10), FIRST.plusDays(12), "inside"),
                new CrisisWindow("later", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 3), "outside"), own)).build();
        StressTest test = StressTest.of(base, StressOptions.DEFAULTS.withPaths(3)
                .withMethods(List.of(StressMethod.CRISIS_REPLAY)));

        StressResults results = test.results(test.historical(), all(test), GENERATED);

        assertThat(test.windows()).extracting(CrisisWindow::name).containsExactly("early", "crash");
        assertThat(results.terms().crisisWindows()).extracting(w -> w.name()).containsExactly("early", "crash");
        assertThat(results.terms().notes()).containsExactly("crisis window 'later' (2025-01-01 to 2025-01-03) is left out:"
                + " it does not lie within the sample 2024-01-01 to 2024-02-29");
        assertThat(results.terms().meanBlockDays()).isNaN();
        assertThat(results.terms().blockLengthRule()).isEmpty();
        assertThat(results.sets()).extracting(StressSet::method).containsExactly("crisis-replay");
        int[] days = test.days(0).days();
        assertThat(IntStream.of(days).filter(d -> d == CRASH).count()).as("the crash replayed besides its own place")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void crisisReplayWithoutAnyWindowIsRefusedSayingWhy() {
        assertThatThrownBy(() -> StressTest.of(leveraged(crashData()).toBuilder().crises(CrisisWindow.BUILT_IN).build(),
                StressOptions.DEFAULTS.withMethods(List.of(StressMethod.CRISIS_REPLAY))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("three-x: crisis replay needs a crisis window within 2024-01-01 to 2024-02-29, but none of"
                        + " [COVID crash, LUNA/UST collapse, Celsius and 3AC, FTX collapse, 10 October 2025 liquidations,"
                        + " November 2025 drawdown] lies there");
        assertThatThrownBy(() -> StressTest.of(leveraged(crashData()), StressOptions.DEFAULTS
                .withMethods(List.of(StressMethod.CRISIS_REPLAY))))
                .hasMessage("three-x: crisis replay needs a crisis window within 2024-01-01 to 2024-02-29, but the backtest"
                        + " has no crisis windows (Backtest.Builder#crises)");
    }

    @Test
    void theDefaultBlockLengthIsPolitisWhitesLongestOverReturnsAndTheirAbsoluteValues() {
        StressTest test = StressTest.of(leveraged(crashData()), StressOptions.DEFAULTS.withPaths(1));
        double[] r = test.history().dailyLogReturns()[0];
        double[] abs = java.util.Arrays.stream(r).map(Math::abs).toArray();

        assertThat(test.meanBlockDays()).isEqualTo(dev.crashlab.metrics.resampling.BlockLength.automatic(r, abs));
        assertThat(test.results(test.historical(), all(test), GENERATED).terms().blockLengthRule()).isEqualTo("politis-white");
    }

    @Test
    void aFailingPathIsNamedByItsNumberAndMethod() {
        Backtest failing = leveraged(crashData()).toBuilder().strategy(() -> new Strategy() {
            @Override
            public void onBar(StrategyContext ctx) {
                if (ctx.date().equals(FIRST.plusDays(20))) {
                    throw new IllegalStateException("boom");
                }
            }
        }).build();
        StressTest test = StressTest.of(failing, StressOptions.DEFAULTS.withPaths(3));

        assertThatThrownBy(() -> test.path(2)).isInstanceOf(BacktestException.class)
                .hasMessageStartingWith("three-x: stress path 2 (bootstrap): ").hasMessageContaining("boom");
    }
}

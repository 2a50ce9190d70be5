package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.clock.Schedule;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Margin;
import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.strategy.BuyAndHold;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.testing.SharedData;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch's variants equal, to the bit, the same backtests run alone: metrics and period
 * returns, for a weekly DCA, a leveraged long that is liquidated, a short paying funding, a
 * trader of a weekday equity among 24/7 crypto, and two dip buyers sharing their indicators; on
 * real daily history with contributions, fees, slippage, carry, margin, a benchmark and a regime
 * classifier (which variants skip).
 */
class BacktestBatchTest {

    private static Backtest base;
    private static AtomicInteger benchmarksMade;

    @BeforeAll
    static void plan() {
        MarketData data = MarketData.builder()
                .add(PriceLoader.load(SharedData.file("BTC-USD.csv")))
                .add(PriceLoader.load(SharedData.file("ETH-USD.csv")))
                .add(PriceLoader.load(SharedData.file("QQQ.csv")))
                .build();
        benchmarksMade = new AtomicInteger();
        BuyAndHold.Params btc = new BuyAndHold.Params(List.of("BTC-USD"));
        base = Backtest.builder(data).name("batch")
                .start(Instant.parse("2019-01-01T00:00:00Z")).end(Instant.parse("2025-06-30T00:00:00Z"))
                .initialCash(10_000).contributions(Contributions.every(Schedule.WEEKLY, 100))
                .costs(Costs.DEFAULTS.withFeeRate(0.001).withSlippageBps(5).withBorrowRate(0.08).withFundingRate(0.0001))
                .margin(Margin.forLeverage(4))
                .benchmark("buy-and-hold BTC-USD", () -> {
                    benchmarksMade.incrementAndGet();
                    return new BuyAndHold(btc);
                })
                .regime(Drawdowns::new)
                .strategy(WeeklyDca::new)
                .build();
    }

    /** The variants: each a different way to trade, so that every part of the engine runs. */
    private static List<Supplier<Strategy>> variants() {
        return List.of(
                WeeklyDca::new,
                () -> new MondayTarget("BTC-USD", 3.5),
                () -> new TargetOnce("ETH-USD", -1.0),
                FridayQqq::new,
                () -> new DipBuyer(365),
                () -> new DipBuyer(90));
    }

    @Test
    void everyVariantEqualsItsBacktestRunAlone() {
        BacktestBatch batch = BacktestBatch.of(base);
        List<Supplier<Strategy>> variants = variants();
        for (int k = 0; k < variants.size(); k++) {
            VariantOutcome outcome = batch.run(k, variants.get(k));
            BacktestResult alone = base.toBuilder().strategy(variants.get(k)).build().run();

            assertThat(outcome.index()).isEqualTo(k);
            assertThat(outcome.metrics()).as("variant %d", k).isEqualTo(RunMetrics.of(alone.metrics()));
            assertThat(outcome.periodReturns()).as("variant %d", k).containsExactly(alone.periodReturns());
            assertThat(outcome.periods()).isEqualTo(alone.size() - 1);
            assertThat(outcome.periodEnd(0)).isEqualTo(alone.timeMillis(1));
            assertThat(outcome.periodEnd(outcome.periods() - 1)).isEqualTo(alone.timeMillis(alone.size() - 1));
        }
    }

    @Test
    void theVariantsTradeAsTheyAreMeantTo() {
        BacktestBatch batch = BacktestBatch.of(base);

        assertThat(batch.run(1, () -> new MondayTarget("BTC-USD", 3.5)).metrics().liquidations()).isPositive();
        RunMetrics shortEth = batch.run(2, () -> new TargetOnce("ETH-USD", -1.0)).metrics();
        assertThat(shortEth.fundingPaid()).isNotZero();
        assertThat(batch.run(3, FridayQqq::new).metrics().trades()).isGreaterThan(100);
    }

    @Test
    void theBenchmarkRunsOnceForTheWholeBatch() {
        int before = benchmarksMade.get();
        BacktestBatch batch = BacktestBatch.of(base);
        List<Supplier<Strategy>> variants = variants();
        for (int k = 0; k < variants.size(); k++) {
            batch.run(k, variants.get(k));
        }

        assertThat(benchmarksMade.get() - before).isEqualTo(1);
        assertThat(batch.run(0, WeeklyDca::new).metrics().beta()).isFinite();
    }

    @Test
    void variantsRunOnSeveralThreadsAtOnceGiveTheSameOutcomes() throws Exception {
        BacktestBatch single = BacktestBatch.of(base);
        List<Supplier<Strategy>> variants = variants();
        List<VariantOutcome> expected = new ArrayList<>();
        for (int k = 0; k < variants.size(); k++) {
            expected.add(single.run(k, variants.get(k)));
        }
        BacktestBatch shared = BacktestBatch.of(base);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<VariantOutcome>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int k = 0; k < variants.size(); k++) {
                    int index = k;
                    futures.add(pool.submit(() -> shared.run(index, variants.get(index))));
                }
            }
            for (int f = 0; f < futures.size(); f++) {
                assertThat(futures.get(f).get()).isEqualTo(expected.get(f % variants.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingVariantIsNamedByItsIndex() {
        BacktestBatch batch = BacktestBatch.of(base);

        assertThatThrownBy(() -> batch.run(7, () -> ctx -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(BacktestException.class).hasMessageStartingWith("variant 7: batch: ").hasMessageContaining("boom");
    }

    @Test
    void outcomesHandOutCopiesOfTheirArrays() {
        VariantOutcome outcome = BacktestBatch.of(base).run(0, WeeklyDca::new);
        double first = outcome.periodReturn(0);

        outcome.periodReturns()[0] = 42;
        outcome.periodEnds()[0] = 42;

        assertThat(outcome.periodReturn(0)).isEqualTo(first);
        assertThat(outcome.periodEnd(0)).isNotEqualTo(42);
    }

    /** Buys 100 of BTC at each Monday step, capped at the cash. */
    static final class WeeklyDca implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            if (ctx.date().getDayOfWeek() == DayOfWeek.MONDAY) {
                double spend = Math.min(100, ctx.portfolio().availableCash());
                if (spend > 0) {
                    ctx.buyValue("BTC-USD", spend);
                }
            }
        }
    }

    /** Trades back to a target weight every Monday: leveraged above 1, so a crash liquidates it. */
    record MondayTarget(String symbol, double weight) implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            if (ctx.date().getDayOfWeek() == DayOfWeek.MONDAY) {
                ctx.targetWeight(symbol, weight);
            }
        }
    }

    /** Goes to a target weight at the first step and holds: short below 0. */
    record TargetOnce(String symbol, double weight) implements Strategy {
        @Override
        public void init(StrategyContext ctx) {
            ctx.targetWeight(symbol, weight);
        }

        @Override
        public void onBar(StrategyContext ctx) {
        }
    }

    /** Holds QQQ over weekends: in on Fridays, out on Mondays; QQQ has no bar on 24/7 crypto's weekend steps. */
    static final class FridayQqq implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            if (!ctx.bars("QQQ").isNew()) {
                return;
            }
            DayOfWeek day = ctx.date().getDayOfWeek();
            if (day == DayOfWeek.FRIDAY) {
                ctx.targetWeight("QQQ", 0.5);
            } else if (day == DayOfWeek.MONDAY && ctx.portfolio().quantity("QQQ") > 0) {
                ctx.closePosition("QQQ");
            }
        }
    }

    /** Buys ETH below its high of the days before (calendar window), sells above its 50-bar SMA. */
    static final class DipBuyer implements Strategy {
        private final int days;
        private FastIndicator sma;

        DipBuyer(int days) {
            this.days = days;
        }

        @Override
        public void init(StrategyContext ctx) {
            sma = ctx.indicators("ETH-USD").sma(50);
        }

        @Override
        public void onBar(StrategyContext ctx) {
            var eth = ctx.bars("ETH-USD");
            double held = ctx.portfolio().quantity("ETH-USD");
            if (held == 0 && eth.close() < 0.7 * eth.highestCloseOfDaysBefore(days)) {
                ctx.targetWeight("ETH-USD", 0.8);
            } else if (held > 0 && eth.close() > 1.1 * sma.value()) {
                ctx.closePosition("ETH-USD");
            }
        }
    }

    /** Labels steps by BTC's drawdown from its 90-bar high: a classifier the batch's variants skip. */
    static final class Drawdowns implements RegimeClassifier {
        private FastIndicator drawdown;

        @Override
        public List<String> labels() {
            return List.of("calm", "drawdown");
        }

        @Override
        public void init(StrategyContext ctx) {
            drawdown = ctx.indicators("BTC-USD").drawdownFromHigh(90);
        }

        @Override
        public int classify(StrategyContext ctx) {
            return drawdown.value() < -0.2 ? 1 : 0;
        }
    }
}

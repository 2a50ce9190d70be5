package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Symbol;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Margin;
import dev.crashlab.execution.Order;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.testing.TestBars;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random price paths and order streams: at every step, equity equals cash plus the
 * positions (replayed from the fills) at their marks, and without margin, a long-only stream
 * never takes cash below zero.
 */
class AccountingPropertyTest {

    /** The invariant holds to this relative error; it is rounding, not accounting. */
    private static final double INVARIANT = 1e-9;

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(0, 1500);
    }

    private static OhlcvSeries randomPath(Instrument instrument, SplittableRandom random, int bars) {
        OhlcvSeries.Builder b = OhlcvSeries.builder(instrument);
        double close = 50 + random.nextDouble() * 100;
        LocalDate date = LocalDate.of(2024, 1, 1);
        for (int k = 0; k < bars; k++) {
            while (!instrument.calendar().isTradingDay(date)) {
                date = date.plusDays(1);
            }
            double open = close * Math.exp(random.nextGaussian() * 0.02);
            close = open * Math.exp(random.nextGaussian() * 0.04);
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.03);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.03);
            b.add(date, open, high, low, close, 1);
            date = date.plusDays(1);
        }
        return b.build();
    }

    /** Places random orders of every kind; long-only when {@code longOnly}. */
    private record RandomOrders(long seed, boolean longOnly) implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            SplittableRandom random = new SplittableRandom(seed * 7919 + ctx.step());
            for (Instrument instrument : ctx.instruments()) {
                Symbol s = instrument.symbol();
                if (random.nextDouble() > 0.4 || ctx.bars(s).isEmpty()) {
                    continue;
                }
                double price = ctx.bars(s).close();
                double held = ctx.portfolio().quantity(s);
                switch (random.nextInt(longOnly ? 6 : 8)) {
                    case 0 -> ctx.submit(Order.buy(s, random.nextDouble() * 50));
                    case 1 -> ctx.submit(Order.buyValue(s, random.nextDouble() * ctx.portfolio().cash()));
                    case 2 -> ctx.submit(Order.targetWeight(s, random.nextDouble()));
                    case 3 -> ctx.submit(Order.buyLimit(s, random.nextDouble() * 20, price * (0.9 + random.nextDouble() * 0.2)));
                    case 4 -> ctx.submit(held > 0 ? Order.sell(s, held * random.nextDouble()) : Order.close(s));
                    case 5 -> ctx.submit(Order.close(s));
                    case 6 -> ctx.submit(Order.sell(s, random.nextDouble() * 30));
                    default -> ctx.submit(Order.targetWeight(s, -random.nextDouble()));
                }
            }
        }
    }

    private static BacktestResult run(long seed, boolean longOnly, Margin margin) {
        SplittableRandom random = new SplittableRandom(seed);
        MarketData data = MarketData.of(randomPath(TestBars.crypto("AAA-USD"), random, 60),
                randomPath(TestBars.equity("BBB"), random, 45));
        Costs costs = Costs.DEFAULTS.withFeeRate(random.nextDouble() * 0.01).withFixedFee(random.nextDouble())
                .withSlippageBps(random.nextDouble() * 30).withBorrowRate(0.1).withFundingRate(0.0003);
        return Backtest.builder(data).strategy(() -> new RandomOrders(seed, longOnly)).initialCash(10_000)
                .costs(costs).margin(margin).build().run();
    }

    private static void assertInvariant(BacktestResult r) {
        for (int s = 0; s < r.size(); s++) {
            double sum = r.cash(s);
            for (int i = 0; i < r.instruments().size(); i++) {
                if (r.quantity(i, s) != 0) {
                    sum += r.quantity(i, s) * r.price(i, s);
                }
            }
            double scale = Math.max(1, Math.abs(r.equity(s)));
            assertThat(Math.abs(r.equity(s) - sum)).as("step %d", s).isLessThanOrEqualTo(INVARIANT * scale);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void withoutMarginALongOnlyStreamNeverTakesCashBelowZero(long seed) {
        BacktestResult r = run(seed, true, Margin.NONE);

        assertInvariant(r);
        for (int s = 0; s < r.size(); s++) {
            assertThat(r.cash(s)).as("cash at step %d", s).isGreaterThanOrEqualTo(-INVARIANT * Math.max(1, r.equity(s)));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equityIsCashPlusPositionsAtEveryStepWithShortsAndLeverage(long seed) {
        assertInvariant(run(seed, false, new Margin(0.25, 0.1, 0.01)));
    }
}

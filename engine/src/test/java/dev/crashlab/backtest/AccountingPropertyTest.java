package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Margin;
import dev.crashlab.execution.MarginMode;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.testing.TestBars;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random price paths and order streams: at every step, equity equals cash plus the
 * positions (replayed from the fills) at their marks; without margin, a long-only stream never
 * takes cash below zero; no fill is ever at a price its bar did not trade; a leveraged long on
 * bars without gaps never ends a bar below zero equity beyond the liquidation fee; and a
 * liquidation comes before any stop or limit the bar's path reaches later.
 */
class AccountingPropertyTest {

    /** The invariant holds to this relative error; it is rounding, not accounting. */
    private static final double INVARIANT = 1e-9;

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(0, 1500);
    }

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    /** The last date of every path: a Friday, so that the crypto and the equity path end together. */
    private static final LocalDate LAST = LocalDate.of(2024, 3, 1);

    /** Returns bars on the trading days from {@link #FIRST} to {@link #LAST}; opens gap from the previous close unless {@code gapless}. */
    private static OhlcvSeries randomPath(Instrument instrument, SplittableRandom random, boolean gapless) {
        OhlcvSeries.Builder b = OhlcvSeries.builder(instrument);
        double close = 50 + random.nextDouble() * 100;
        for (LocalDate date = FIRST; !date.isAfter(LAST); date = date.plusDays(1)) {
            if (!instrument.calendar().isTradingDay(date)) {
                continue;
            }
            double open = gapless ? close : close * Math.exp(random.nextGaussian() * 0.02);
            close = open * Math.exp(random.nextGaussian() * 0.04);
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.03);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.03);
            b.add(date, open, high, low, close, 1);
        }
        return b.build();
    }

    /** Places random orders of every kind; long-only when {@code longOnly}. */
    private record RandomOrders(long seed, boolean longOnly) implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            SplittableRandom random = new SplittableRandom(seed * 7919 + ctx.step());
            for (Instrument instrument : ctx.instruments()) {
                String s = instrument.symbol().value();
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
        MarketData data = MarketData.of(randomPath(TestBars.crypto("AAA-USD"), random, false),
                randomPath(TestBars.equity("BBB"), random, false));
        Costs costs = Costs.DEFAULTS.withFeeRate(random.nextDouble() * 0.01).withFixedFee(random.nextDouble())
                .withSlippageBps(random.nextDouble() * 30).withBorrowRate(0.1).withFundingRate(0.0003);
        return Backtest.builder(data).strategy(() -> new RandomOrders(seed, longOnly)).initialCash(10_000)
                .costs(costs).margin(margin).build().run();
    }

    /** Every fill is at a price inside the high and low of its instrument's bar that starts at the fill's time. */
    private static void assertFillsInsideTheirBars(BacktestResult r) {
        for (Fill fill : r.fills()) {
            OhlcvSeries bars = r.spec().data().require(fill.symbol());
            int b = bars.indexAtOrBefore(fill.time().toEpochMilli());
            assertThat(bars.time(b)).as("bar of %s", fill).isEqualTo(fill.time());
            double slack = 1e-12 * fill.price();
            assertThat(fill.price()).as("%s in [%s, %s]", fill, bars.low(b), bars.high(b))
                    .isBetween(bars.low(b) - slack, bars.high(b) + slack);
        }
    }

    private static void assertInvariant(BacktestResult r) {
        double[] cash = r.cashCurve();
        assertThat(cash).hasSize(r.size());
        for (int s = 0; s < r.size(); s++) {
            assertThat(cash[s]).as("cash curve at step %d", s).isEqualTo(r.cash(s));
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
        assertFillsInsideTheirBars(r);
        for (int s = 0; s < r.size(); s++) {
            assertThat(r.cash(s)).as("cash at step %d", s).isGreaterThanOrEqualTo(-INVARIANT * Math.max(1, r.equity(s)));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equityIsCashPlusPositionsAtEveryStepWithShortsAndLeverage(long seed) {
        BacktestResult r = run(seed, false, new Margin(0.25, 0.1, 0.01));

        assertInvariant(r);
        assertFillsInsideTheirBars(r);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equityIsCashPlusPositionsAtEveryStepInIsolatedMarginWithTheDefaultTiers(long seed) {
        BacktestResult r = run(seed, false, Margin.forLeverage(4).withMode(MarginMode.ISOLATED));

        assertInvariant(r);
        assertFillsInsideTheirBars(r);
    }

    /**
     * Goes long with leverage at random steps, with sell stops and buy limits at random levels
     * below the price: the orders that a liquidation races.
     */
    private record LeveragedLongWithStops(long seed, double leverage) implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            SplittableRandom random = new SplittableRandom(seed * 31 + ctx.step());
            double price = ctx.bars("AAA-USD").close();
            double held = ctx.portfolio().quantity("AAA-USD");
            if (held == 0 && random.nextDouble() < 0.3) {
                ctx.buyValue("AAA-USD", leverage * ctx.portfolio().equity() * random.nextDouble());
            } else if (held > 0 && random.nextDouble() < 0.5 && !ctx.portfolio().hasOpenOrder("AAA-USD")) {
                ctx.sellStop("AAA-USD", held * (0.2 + random.nextDouble()), price * (0.6 + random.nextDouble() * 0.38));
                ctx.buyLimit("AAA-USD", held * random.nextDouble(), price * (0.6 + random.nextDouble() * 0.38));
            } else if (held > 0 && random.nextDouble() < 0.1) {
                ctx.closePosition("AAA-USD");
            }
        }
    }

    private static BacktestResult leveragedRun(long seed) {
        return leveragedRun(seed, MarginMode.CROSS);
    }

    private static BacktestResult leveragedRun(long seed, MarginMode mode) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Instrument aaa = TestBars.crypto("AAA-USD");
        double leverage = 2 + random.nextInt(9);
        Costs costs = Costs.DEFAULTS.withFeeRate(random.nextDouble() * 0.002).withSlippageBps(random.nextDouble() * 30)
                .withBorrowRate(0.1);
        return Backtest.builder(MarketData.of(randomPath(aaa, random, true)))
                .strategy(() -> new LeveragedLongWithStops(seed, leverage)).initialCash(10_000).costs(costs)
                .margin(Margin.forLeverage(leverage).withMode(mode)).build().run();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aLeveragedLongWithoutGapsNeverEndsABarBelowZeroBeyondTheLiquidationFee(long seed) {
        assertNeverBelowZeroBeyondTheLiquidationFee(leveragedRun(seed));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anIsolatedLeveragedLongWithoutGapsNeverEndsABarBelowZeroBeyondTheLiquidationFee(long seed) {
        assertNeverBelowZeroBeyondTheLiquidationFee(leveragedRun(seed, MarginMode.ISOLATED));
    }

    private static void assertNeverBelowZeroBeyondTheLiquidationFee(BacktestResult r) {
        assertInvariant(r);
        assertFillsInsideTheirBars(r);
        for (int s = 0; s < r.size(); s++) {
            double fees = 0;
            for (int f = 0; f < r.fills().size(); f++) {
                Fill fill = r.fills().get(f);
                if (fill.kind() == Fill.Kind.LIQUIDATION && fill.time().equals(r.time(s))) {
                    fees += fill.fee();
                }
            }
            assertThat(r.equity(s)).as("equity at step %d", s).isGreaterThanOrEqualTo(-fees - INVARIANT * 10_000);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aLiquidationComesBeforeAnyStopOrLimitThePathReachesLater(long seed) {
        BacktestResult r = leveragedRun(seed);
        OhlcvSeries bars = r.spec().data().prices().getFirst();
        List<Fill> fills = r.fills();

        for (int f = 0; f < fills.size(); f++) {
            Fill liquidation = fills.get(f);
            if (liquidation.kind() != Fill.Kind.LIQUIDATION) {
                continue;
            }
            int b = bars.indexAtOrBefore(liquidation.time().toEpochMilli());
            double[] path = nearestExtremeFirst(bars, b);
            double liquidatedAt = firstPosition(path, liquidation.price());
            for (int g = 0; g < fills.size(); g++) {
                Fill other = fills.get(g);
                if (g == f || !other.time().equals(liquidation.time()) || other.kind() != Fill.Kind.ORDER) {
                    continue;
                }
                assertThat(g).as("an order fill after the liquidation on its bar: %s", other).isLessThan(f);
                if (other.price() != bars.open(b)) {
                    assertThat(firstPosition(path, other.price())).as("%s reached before %s", other, liquidation)
                            .isLessThanOrEqualTo(liquidatedAt + 1e-9);
                }
            }
        }
    }

    /** The bar's path written independently of the engine: open, the extreme nearer the open, the other, close. */
    private static double[] nearestExtremeFirst(OhlcvSeries bars, int b) {
        double o = bars.open(b);
        boolean highFirst = bars.high(b) - o < o - bars.low(b);
        return new double[] {o, highFirst ? bars.high(b) : bars.low(b), highFirst ? bars.low(b) : bars.high(b), bars.close(b)};
    }

    /** Returns the first position (0 = open .. 3 = close) where the straight-line path passes {@code price}. */
    private static double firstPosition(double[] path, double price) {
        double slack = 1e-9 * price;
        if (Math.abs(path[0] - price) <= slack) {
            return 0;
        }
        for (int k = 0; k + 1 < path.length; k++) {
            double lo = Math.min(path[k], path[k + 1]) - slack;
            double hi = Math.max(path[k], path[k + 1]) + slack;
            if (price >= lo && price <= hi) {
                return path[k + 1] == path[k] ? k : k + (price - path[k]) / (path[k + 1] - path[k]);
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}

package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Resampler;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Margin;
import dev.crashlab.metrics.Trade;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash bar, tried as an adversarial quant would, through the public config and strategy
 * API only: each test is one of the engine's former crash-day faults (issue "crash mechanics"),
 * and each failed before the path-ordered execution, the visibility rule and the margin tiers.
 */
class CrashMechanicsTest {

    /** Exact arithmetic on small numbers: anything beyond this is a bug, not rounding. */
    private static final double EXACT = 1e-9;

    private static final Instrument BTC = crypto("BTC-USD");

    // ---- 1. a leveraged position is checked on the bar it opens ----

    @Test
    void aFiveTimesLongFilledAtTheOpenOf312IsLiquidatedOnThatBarNotADayLater() {
        OhlcvSeries btc = PriceLoader.load(SharedData.file("BTC-USD.csv"));
        Scripted longAtTheOpen = new Scripted().at(0, ctx -> ctx.buyValue("BTC-USD", 5 * ctx.portfolio().equity()));
        BacktestResult r = Backtest.builder(MarketData.of(btc)).strategy(() -> longAtTheOpen)
                .start(Instant.parse("2020-03-11T00:00:00Z")).end(Instant.parse("2020-03-20T00:00:00Z"))
                .initialCash(10_000).margin(Margin.forLeverage(5, 0.05, 0.01)).build().run();

        Fill liquidation = r.fills().stream().filter(f -> f.kind() == Fill.Kind.LIQUIDATION).findFirst().orElseThrow();
        assertThat(liquidation.time()).isEqualTo(Instant.parse("2020-03-12T00:00:00Z"));
        // 2020-03-12: open 7,945.36, high 7,984.16, low 4,736.21: the price passes the liquidation
        // price on the way down, so the account is closed there, inside the bar's range.
        assertThat(liquidation.price()).isBetween(4_736.21, 7_945.36);
        // Hand-computed: q units bought at the open for 50,000, cash -40,000; the account meets 5 %
        // maintenance where q p - 40,000 = 0.05 q p, on the leg from the high down to the low.
        double q = r.fills().getFirst().quantity();
        assertThat(r.fills().getFirst().price()).isEqualTo(7_945.36);
        assertThat(q).isCloseTo(50_000 / 7_945.36, within(1e-9));
        assertThat(liquidation.price()).isCloseTo(40_000 / (0.95 * q), within(1e-9 * 7_000));
        assertThat(r.fills().getFirst().liquidationPrice()).isCloseTo(40_000 / (0.95 * q), within(1e-9 * 7_000));
        assertThat(r.equity(1)).as("equity at the close of 2020-03-12").isGreaterThanOrEqualTo(0);
    }

    @Test
    void aShortOpenedOnABarWhoseHighPassesItsLiquidationPriceIsLiquidatedOnThatBar() {
        //                                    open high low close
        OhlcvSeries bars = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 150, 99, 140,
                140, 141, 139, 140);
        Scripted shortAtTheOpen = new Scripted().at(0, ctx -> ctx.sellValue("BTC-USD", 500));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> shortAtTheOpen).initialCash(100)
                .margin(Margin.forLeverage(5, 0.05, 0.01)).build().run();

        Fill liquidation = r.fills().stream().filter(f -> f.kind() == Fill.Kind.LIQUIDATION).findFirst().orElseThrow();
        assertThat(liquidation.time()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(r.equity(1)).isGreaterThanOrEqualTo(0);
    }

    // ---- 2. the path decides whether the liquidation or the stop comes first ----

    @Test
    void aLiquidationReachedBeforeAStopFarBelowItClosesTheLongAndTheStopNeverFills() {
        //                                    open high low close
        OhlcvSeries bars = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 101, 50, 60,
                60, 60, 60, 60);
        Scripted longWithFarStop = new Scripted()
                .at(0, ctx -> ctx.buy("BTC-USD", 4))
                .at(1, ctx -> ctx.sellStop("BTC-USD", 4, 55));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> longWithFarStop).initialCash(100)
                .margin(Margin.forLeverage(4, 0.05, 0.01)).build().run();

        List<Fill> fills = r.fills();
        assertThat(fills).extracting(Fill::kind).containsExactly(Fill.Kind.ORDER, Fill.Kind.LIQUIDATION);
        assertThat(fills.get(1).time()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
        assertThat(fills.get(1).price()).isGreaterThan(55);
        assertThat(r.equity(2)).isGreaterThanOrEqualTo(0);
        assertThat(r.finalPositions().get(BTC.symbol())).isZero();
    }

    // ---- 3. a bar becomes visible at its close, whatever the other bars' length ----

    @Test
    void aDailyBarIsNotVisibleBeforeItsCloseInAUniverseWithHourlyBars() {
        Instrument hourly = crypto("ETH-USD");
        OhlcvSeries.Builder h = OhlcvSeries.builder(hourly);
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        for (int k = 0; k < 24 * 5; k++) {
            h.add(t0.plus(Duration.ofHours(k)), 100 + k, 101 + k, 99 + k, 100.5 + k, 1);
        }
        OhlcvSeries daily = ohlc(BTC, LocalDate.of(2024, 1, 1),
                10, 20, 5, 19,
                19, 30, 10, 11,
                11, 12, 2, 3,
                3, 50, 3, 49,
                49, 60, 40, 41);
        assertThat(visibleBeforeTheirEnd(MarketData.of(daily, h.build()), "BTC-USD", Duration.ofHours(1),
                Duration.ofDays(1))).isEmpty();
    }

    @Test
    void aResampledWeeklyBarIsNotVisibleBeforeItsWeekEnds() {
        OhlcvSeries daily = PriceLoader.load(SharedData.file("BTC-USD.csv"))
                .between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-03-31T00:00:00Z"));
        OhlcvSeries weekly = Resampler.resample(daily, Resampler.Period.WEEK);
        OhlcvSeries.Builder w = OhlcvSeries.builder(crypto("BTC-WEEK"));
        for (int i = 0; i < weekly.size(); i++) {
            w.add(weekly.time(i), weekly.open(i), weekly.high(i), weekly.low(i), weekly.close(i), weekly.volume(i));
        }
        assertThat(visibleBeforeTheirEnd(MarketData.of(daily, w.build()), "BTC-WEEK", Duration.ofDays(1),
                Duration.ofDays(7))).isEmpty();
    }

    /**
     * Runs a strategy that, at every step, checks that the last visible bar of {@code symbol}
     * (bars of {@code length}) ended by the step's close ({@code ctx.time()} plus the universe's
     * {@code shortest} bar length); returns what it saw too early.
     */
    private static List<String> visibleBeforeTheirEnd(MarketData data, String symbol, Duration shortest, Duration length) {
        List<String> leaks = new ArrayList<>();
        Strategy peeker = new Strategy() {
            @Override
            public void onBar(StrategyContext ctx) {
                Bars bars = ctx.bars(symbol);
                if (!bars.isEmpty() && bars.time(bars.size() - 1).plus(length).isAfter(ctx.time().plus(shortest))) {
                    leaks.add("at " + ctx.time() + " the bar of " + bars.time(bars.size() - 1) + " is visible");
                }
            }
        };
        Backtest.builder(data).strategy(() -> peeker).build().run();
        return leaks;
    }

    // ---- 4. annualisation follows the bar interval ----

    @Test
    void hourlyCryptoBarsAreAnnualisedWith8760PeriodsAYear() {
        OhlcvSeries.Builder h = OhlcvSeries.builder(BTC);
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double close = 100;
        for (int k = 0; k < 24 * 30; k++) {
            double open = close;
            close = open * Math.exp(random.nextGaussian() * 0.01);
            h.add(t0.plus(Duration.ofHours(k)), open, Math.max(open, close), Math.min(open, close), close, 1);
        }
        BacktestResult r = Backtest.builder(MarketData.of(h.build()))
                .strategy(() -> new Scripted().at(0, ctx -> ctx.targetWeight("BTC-USD", 1))).build().run();

        assertThat(r.metrics().periodsPerYear()).isEqualTo(365 * 24);
        double[] returns = r.periodReturns();
        double mean = java.util.Arrays.stream(returns).average().orElseThrow();
        double ss = java.util.Arrays.stream(returns).map(x -> (x - mean) * (x - mean)).sum();
        assertThat(r.metrics().volatility()).isCloseTo(Math.sqrt(ss / (returns.length - 1)) * Math.sqrt(365 * 24),
                within(EXACT));
    }

    // ---- 7. a trade's P&L pays the carry charged while it was open ----

    @Test
    void aShortTradesPnlIncludesTheFundingItPaid() {
        OhlcvSeries bars = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 100, 100, 100);
        Scripted shortThenCover = new Scripted()
                .at(0, ctx -> ctx.sell("BTC-USD", 1))
                .at(2, ctx -> ctx.closePosition("BTC-USD"));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> shortThenCover).initialCash(1_000)
                .costs(Costs.DEFAULTS.withFundingRate(0.001)).build().run();

        Trade trade = r.trades().getFirst();
        // Short at the open of day 2, covered at the open of day 4: two days of funding at
        // 0.1 % per 8 hours on a notional of 100, so 0.6 paid; the price did not move.
        assertThat(r.metrics().fundingPaid()).isCloseTo(0.6, within(EXACT));
        assertThat(trade.pnl()).isCloseTo(-0.6, within(EXACT));
        assertThat(trade.carry()).isCloseTo(0.6, within(EXACT));
        assertThat(trade.pnlBeforeCarry()).isCloseTo(0, within(EXACT));
    }

    // ---- 9. dates outside the data are refused ----

    @Test
    void anEndAfterATradedInstrumentsLastBarIsRefusedNamingItsRange() {
        OhlcvSeries btc = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 100, 100);
        OhlcvSeries longer = ohlc(crypto("ETH-USD"), LocalDate.of(2024, 1, 1),
                10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        Backtest holdBtc = Backtest.builder(MarketData.of(btc, longer))
                .strategy(() -> new Scripted().at(0, ctx -> ctx.targetWeight("BTC-USD", 1))).build();

        assertThatThrownBy(holdBtc::run).hasMessageContaining("BTC-USD")
                .hasMessageContaining("2024-01-01 .. 2024-01-02");
    }

    @Test
    void anOrderForAnInstrumentBeforeItsFirstBarIsRefusedNamingItsRange() {
        OhlcvSeries btc = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
        OhlcvSeries late = ohlc(crypto("IBIT-LIKE"), LocalDate.of(2024, 1, 3),
                10, 10, 10, 10, 10, 10, 10, 10);
        Backtest holdLate = Backtest.builder(MarketData.of(btc, late))
                .strategy(() -> new Scripted().at(0, ctx -> ctx.targetWeight("IBIT-LIKE", 1))).build();

        assertThatThrownBy(holdLate::run).hasMessageContaining("IBIT-LIKE")
                .hasMessageContaining("2024-01-03 .. 2024-01-04");
    }

    @Test
    void aWeeklyInstrumentHeldToTheEndOrOrderedDaysBeforeItsFirstWeekIsNotRefused() {
        OhlcvSeries daily = ohlc(BTC, LocalDate.of(2024, 1, 1), 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
                100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
                100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
                100, 100, 100);
        OhlcvSeries.Builder weekly = OhlcvSeries.builder(crypto("ETH-WEEK")).interval(dev.crashlab.data.BarInterval.WEEK);
        for (LocalDate monday = LocalDate.of(2024, 1, 8); monday.isBefore(LocalDate.of(2024, 1, 15)); monday = monday.plusDays(7)) {
            weekly.add(monday, 10, 10, 10, 10, 1);
        }
        // Daily bars to Sunday 01-14; the one weekly bar, 01-08, closes on Monday 01-15.
        OhlcvSeries twoWeeks = daily.between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-14T00:00:00Z"));
        BacktestResult r = Backtest.builder(MarketData.of(twoWeeks, weekly.build()))
                .strategy(() -> new Scripted().at(3, ctx -> ctx.targetWeight("ETH-WEEK", 0.5))).build().run();

        assertThat(r.warnings()).isEmpty();
        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.time()).isEqualTo(Instant.parse("2024-01-08T00:00:00Z")));
    }

    @Test
    void aDailyInstrumentOrderedAtAnHourBeforeItsFirstDayIsNotRefused() {
        OhlcvSeries.Builder h = OhlcvSeries.builder(crypto("ETH-USD"));
        Instant t0 = Instant.parse("2024-01-02T00:00:00Z");
        for (int k = 0; k < 24 * 3; k++) {
            h.add(t0.plus(Duration.ofHours(k)), 100, 100, 100, 100, 1);
        }
        OhlcvSeries daily = ohlc(BTC, LocalDate.of(2024, 1, 3), 10, 10, 10, 10, 10, 10, 10, 10);
        BacktestResult r = Backtest.builder(MarketData.of(h.build(), daily))
                .strategy(() -> new Scripted().at(10, ctx -> ctx.targetWeight("BTC-USD", 0.5))).build().run();

        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.time()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z")));
    }

    @Test
    void partialDataRunsWhenTheConfigOptsInAndTheResultsSaySo() {
        OhlcvSeries btc = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
        OhlcvSeries late = ohlc(crypto("IBIT-LIKE"), LocalDate.of(2024, 1, 3),
                10, 10, 10, 10, 10, 10, 10, 10);
        BacktestResult r = Backtest.builder(MarketData.of(btc, late)).allowPartialData(true)
                .strategy(() -> new Scripted().at(0, ctx -> ctx.targetWeight("IBIT-LIKE", 1))).build().run();

        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.time()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z")));
        assertThat(r.warnings()).singleElement().asString().contains("IBIT-LIKE").contains("before its data begins")
                .contains("allowPartialData");
        assertThat(r.toResults(Instant.EPOCH).warnings().getFirst()).isEqualTo(r.warnings().getFirst());
    }

    @Test
    void anInstrumentTheStrategyNeverTradesMayHaveAnyRange() {
        OhlcvSeries btc = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
        OhlcvSeries shortHistory = ohlc(crypto("ETH-USD"), LocalDate.of(2024, 1, 2), 10, 10, 10, 10);
        BacktestResult r = Backtest.builder(MarketData.of(btc, shortHistory))
                .strategy(() -> new Scripted().at(0, ctx -> ctx.targetWeight("BTC-USD", 1))).build().run();

        assertThat(r.warnings()).isEmpty();
        assertThat(r.fills()).hasSize(1);
    }

    // ---- 11. a liquidated 10x long is left with almost nothing, as on a real venue ----

    @Test
    void aTenTimesLongConfiguredWithDefaultMaintenanceKeepsAlmostNothingWhenLiquidated(@TempDir Path dir)
            throws Exception {
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        LocalDate d = LocalDate.of(2024, 1, 1);
        double[][] rows = {{100, 100, 100, 100}, {100, 100, 100, 100}, {100, 100, 80, 85}, {85, 85, 85, 85}};
        for (double[] row : rows) {
            csv.append(d).append(',').append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(',')
                    .append(row[3]).append(",1\n");
            d = d.plusDays(1);
        }
        Files.writeString(dir.resolve("BTC-USD.csv"), csv);
        Files.writeString(dir.resolve("crashlab.yaml"), """
                data: {prices: {BTC-USD: {file: BTC-USD.csv}}}
                initialCash: 10000
                margin: {initial: 0.1}
                strategy: {class: %s}
                """.formatted(TenTimesLong.class.getName()));
        CrashlabConfig config = ConfigLoader.load(dir.resolve("crashlab.yaml"));
        BacktestResult r = new RunPlanner(new StrategyFactory(getClass().getClassLoader()))
                .plan(config.runs().getFirst()).run();

        assertThat(r.metrics().liquidations()).isEqualTo(1);
        assertThat(r.events()).anyMatch(e -> e.kind() == Event.Kind.LIQUIDATION && BTC.symbol().value().equals(e.symbol()));
        assertThat(r.metrics().finalEquity()).isLessThan(0.02 * 10_000).isGreaterThanOrEqualTo(0);
    }

    /** Buys ten times its equity at the first step. */
    public static final class TenTimesLong implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            if (ctx.step() == 0) {
                ctx.buyValue("BTC-USD", 10 * ctx.portfolio().equity());
            }
        }
    }
}

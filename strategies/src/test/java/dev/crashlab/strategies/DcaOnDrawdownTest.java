package dev.crashlab.strategies;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.clock.Schedule;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Symbol;
import dev.crashlab.execution.Fill;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.strategies.DcaOnDrawdown.Params;
import dev.crashlab.strategies.DcaOnDrawdown.Tier;
import dev.crashlab.strategy.Order;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DcaOnDrawdownTest {

    /** Hand-computed arithmetic on small numbers; anything beyond this is a bug, not rounding. */
    private static final double EXACT = 1e-9;

    /** Open and close of each day from Monday 2023-12-25; high and low are the larger and smaller of the two. */
    private static final double[][] OPEN_CLOSE = {
            {80, 80}, {80, 90}, {90, 100}, {100, 95}, {95, 90}, {90, 85}, {85, 80}, // history: high close 100 on Dec 27
            {82, 85}, {85, 84}, {84, 83}, {83, 82}, {82, 81}, {81, 80}, {80, 79}, // Mon Jan 1: open 82, 18 % below 100
            {78, 72}, {70, 70}, {70, 68}, {68, 66}, {66, 64}, {64, 62}, {62, 60}, // Mon Jan 8: open 78, 22 % below
            {60, 62}, {65, 110}, {110, 120}, {120, 125}, {125, 130}, {130, 128}, {128, 126}, // Mon Jan 15: 40 % below
            {135, 136}, {136, 136}}; // Mon Jan 22: open 135 above the high close 130; Jan 23 fills its orders

    private static final OhlcvSeries BTC = bars();

    private static OhlcvSeries bars() {
        double[] ohlc = new double[OPEN_CLOSE.length * 4];
        for (int k = 0; k < OPEN_CLOSE.length; k++) {
            double o = OPEN_CLOSE[k][0];
            double c = OPEN_CLOSE[k][1];
            ohlc[4 * k] = o;
            ohlc[4 * k + 1] = Math.max(o, c);
            ohlc[4 * k + 2] = Math.min(o, c);
            ohlc[4 * k + 3] = c;
        }
        return ohlc(crypto("BTC-USD"), LocalDate.of(2023, 12, 25), ohlc);
    }

    /** Runs from Monday 2024-01-01 (the week before is history) with 0 cash, 100 arriving every Monday, no fees. */
    private static BacktestResult run(Params params) {
        return Backtest.builder(MarketData.of(BTC)).strategy(() -> new DcaOnDrawdown(params))
                .start(Instant.parse("2024-01-01T00:00:00Z")).initialCash(0)
                .contributions(Contributions.every(Schedule.WEEKLY, 100)).build().run();
    }

    private static Params params(double threshold, int lookbackDays, List<Tier> tiers, double takeProfit) {
        return new Params("BTC-USD", 100, Schedule.WEEKLY, threshold, lookbackDays, tiers, takeProfit);
    }

    private static String ordered(Order o) {
        return o.submittedAt().toString().substring(0, 10) + " " + o.sizing() + " " + o.amount();
    }

    private static String filled(Fill f) {
        return f.time().toString().substring(0, 10) + " " + f.quantity() + " @ " + f.price();
    }

    @Test
    void plainWeeklyDcaBuysEveryMondayEvenAboveTheHigh() {
        BacktestResult r = run(params(0, 0, List.of(), 0));

        assertThat(r.orders()).extracting(DcaOnDrawdownTest::ordered).containsExactly(
                "2024-01-01 VALUE 100.0", "2024-01-08 VALUE 100.0", "2024-01-15 VALUE 100.0", "2024-01-22 VALUE 100.0");
        assertThat(r.fills()).extracting(DcaOnDrawdownTest::filled).containsExactly(
                "2024-01-02 " + 100.0 / 85 + " @ 85.0", "2024-01-09 " + 100.0 / 70 + " @ 70.0",
                "2024-01-16 " + 100.0 / 65 + " @ 65.0", "2024-01-23 " + 100.0 / 136 + " @ 136.0");
    }

    @Test
    void buysOnlyMondaysOpeningThresholdBelowTheHighCloseAndSpendsSavedCashOnDeeperTiers() {
        // Jan 1: 82 > 0.8 × 100, saved. Jan 8: 22 % deep, tier 20 % × 1. Jan 15: 40 % deep, tier 35 % × 3
        // wants 300 but only 200 is there. Jan 22: above the high, saved.
        BacktestResult r = run(params(0.2, 0, List.of(new Tier(0.35, 3), new Tier(0.2, 1)), 0));

        assertThat(r.orders()).extracting(DcaOnDrawdownTest::ordered).containsExactly(
                "2024-01-08 VALUE 100.0", "2024-01-15 VALUE 200.0");
        assertThat(r.fills()).extracting(DcaOnDrawdownTest::filled).containsExactly(
                "2024-01-09 " + 100.0 / 70 + " @ 70.0", "2024-01-16 " + 200.0 / 65 + " @ 65.0");
        assertThat(r.cash(r.size() - 1)).isCloseTo(100, within(EXACT));
        assertThat(r.finalPositions().get(Symbol.of("BTC-USD"))).isCloseTo(100.0 / 70 + 200.0 / 65, within(EXACT));
    }

    @Test
    void aLookbackOfDaysComparesWithTheHighCloseOfThoseCalendarDaysOnly() {
        // 3 days: Jan 1 vs 90 (Dec 29..31) buys; Jan 8 vs 81 does not; Jan 15 vs 64 buys; Jan 22 vs 130 does not.
        BacktestResult recent = run(params(0.05, 3, List.of(), 0));
        BacktestResult allTime = run(params(0.05, 0, List.of(), 0));

        assertThat(recent.orders()).extracting(DcaOnDrawdownTest::ordered).containsExactly(
                "2024-01-01 VALUE 100.0", "2024-01-15 VALUE 100.0");
        assertThat(allTime.orders()).extracting(DcaOnDrawdownTest::ordered).containsExactly(
                "2024-01-01 VALUE 100.0", "2024-01-08 VALUE 100.0", "2024-01-15 VALUE 100.0");
    }

    @Test
    void takeProfitSellsTheWholePositionWhenTheCloseReachesItAboveTheAverageCost() {
        // After the Jan 16 fill the average cost is 300 / (100/85 + 100/70 + 100/65) = 72.40; that close, 110, is 52 % above.
        BacktestResult r = run(params(0, 0, List.of(), 0.5));

        assertThat(r.orders()).extracting(DcaOnDrawdownTest::ordered).containsExactly(
                "2024-01-01 VALUE 100.0", "2024-01-08 VALUE 100.0", "2024-01-15 VALUE 100.0", "2024-01-16 CLOSE 0.0",
                "2024-01-22 VALUE 100.0");
        double units = 100.0 / 85 + 100.0 / 70 + 100.0 / 65;
        assertThat(r.fills().get(3).time()).isEqualTo(Instant.parse("2024-01-17T00:00:00Z"));
        assertThat(r.fills().get(3).quantity()).isCloseTo(-units, within(EXACT));
        assertThat(r.fills().get(3).price()).isEqualTo(110);
        assertThat(r.finalPositions().get(Symbol.of("BTC-USD"))).isCloseTo(100.0 / 136, within(EXACT));
    }

    @Test
    void plainWeeklyDcaOnRealDataBuysOncePerWeekOfTheRange() {
        BacktestResult r = dca(params(0, 0, List.of(), 0));

        List<LocalDate> mondays = mondaysBuying(RealData.prices("BTC-USD"), 0, 0);
        assertThat(mondays).hasSize(412);
        assertThat(orderDates(r)).isEqualTo(mondays);
        assertThat(r.orders()).allSatisfy(o -> assertThat(o.amount()).isCloseTo(100, within(1e-6)));
        assertThat(r.fills()).hasSize(412);
    }

    @Test
    void withAThresholdOnRealDataBuysExactlyTheMondaysOpeningThatFarBelowTheRunningHigh() {
        BacktestResult allTime = dca(params(0.2, 0, List.of(), 0));
        BacktestResult lastYear = dca(params(0.2, 365, List.of(), 0));

        List<LocalDate> expectedAllTime = mondaysBuying(RealData.prices("BTC-USD"), 0.2, 0);
        List<LocalDate> expectedLastYear = mondaysBuying(RealData.prices("BTC-USD"), 0.2, 365);
        assertThat(expectedAllTime).hasSizeBetween(100, 400);
        assertThat(orderDates(allTime)).isEqualTo(expectedAllTime);
        assertThat(orderDates(lastYear)).isEqualTo(expectedLastYear).isNotEqualTo(expectedAllTime);
    }

    /** Pinned by running once: 0 cash plus 100 every Monday, 0.1 % fees, 2018-01-01 to 2025-11-21. */
    @Test
    void pinsItsRealDataMetrics() {
        RealData.assertPinned(dca(params(0, 0, List.of(), 0)).metrics(),
                5.820941542851517, 0.2755980993262648, -0.7948060716518324, 0.7031199522631304, 234497.47407917015, 0);
        RealData.assertPinned(dca(Params.DEFAULTS).metrics(),
                7.048204537336007, 0.30263733138269244, -0.749641238575857, 0.7383192328278579, 229614.71112048134, 0);
        RealData.assertPinned(dca(params(0.2, 0, List.of(new Tier(0.2, 1), new Tier(0.35, 2), new Tier(0.5, 3)), 0)).metrics(),
                6.682638719594272, 0.2949828963624297, -0.7688585157395692, 0.7266274763064742, 234804.0519685591, 0);
    }

    @Test
    void bindsItsParametersFromConfigAndNamesABadOne() {
        var json = JsonMapper.builder().build();
        Params bound = StrategyFactory.bind(Params.class, json.readTree("""
                {"symbol": "ETH-USD", "amount": 50, "period": "monthly", "threshold": 0.3, "lookbackDays": 365,
                 "tiers": [{"drawdown": 0.5, "multiplier": 3}, {"drawdown": 0.2, "multiplier": 1}], "takeProfit": 1}"""),
                "strategy.params");

        assertThat(bound).isEqualTo(new Params("ETH-USD", 50, Schedule.MONTHLY, 0.3, 365,
                List.of(new Tier(0.2, 1), new Tier(0.5, 3)), 1));
        assertThat(StrategyFactory.bind(Params.class, null, "strategy.params"))
                .isEqualTo(new Params("BTC-USD", 100, Schedule.WEEKLY, 0.2, 0, List.of(), 0));
        assertThatThrownBy(() -> StrategyFactory.bind(Params.class, json.readTree("{\"threshold\": 1}"), "strategy.params"))
                .isInstanceOf(ConfigException.class).hasMessage("strategy.params.threshold: expected a number in [0, 1), got 1");
        assertThatThrownBy(() -> StrategyFactory.bind(Params.class, json.readTree("{\"lookbackDays\": -1}"), "strategy.params"))
                .hasMessage("strategy.params.lookbackDays: expected an integer in [0, ∞], got -1");
    }

    private static BacktestResult dca(Params params) {
        return RealData.backtest(() -> new DcaOnDrawdown(params)).initialCash(0)
                .contributions(Contributions.every(Schedule.WEEKLY, 100)).build().run();
    }

    private static List<LocalDate> orderDates(BacktestResult r) {
        return r.orders().stream().map(o -> LocalDate.ofInstant(o.submittedAt(), ZoneOffset.UTC)).toList();
    }

    /**
     * Counts independently, by a plain loop over the bars: the Mondays of the range whose open is
     * at most (1 − threshold) × the highest close of the bars before it (all of them, or those of
     * the {@code lookbackDays} calendar days before); every Monday when the threshold is 0.
     */
    private static List<LocalDate> mondaysBuying(OhlcvSeries bars, double threshold, int lookbackDays) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            LocalDate d = bars.date(i);
            if (d.isBefore(LocalDate.of(2018, 1, 1)) || d.isAfter(LocalDate.of(2025, 11, 21)) || d.getDayOfWeek() != DayOfWeek.MONDAY) {
                continue;
            }
            double high = 0;
            for (int j = 0; j < i; j++) {
                if (lookbackDays == 0 || !bars.date(j).isBefore(d.minusDays(lookbackDays))) {
                    high = Math.max(high, bars.close(j));
                }
            }
            if (threshold == 0 || bars.open(i) <= (1 - threshold) * high) {
                out.add(d);
            }
        }
        return out;
    }
}

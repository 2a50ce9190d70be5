package dev.crashlab.strategies;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Fill;
import dev.crashlab.strategies.DecemberReboundThenShort.Params;
import dev.crashlab.strategy.Order;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DecemberReboundThenShortTest {

    /** Hand-computed arithmetic on small numbers; anything beyond this is a bug, not rounding. */
    private static final double EXACT = 1e-9;
    private static final LocalDate NOV_26 = LocalDate.of(2023, 11, 26);

    /** Short windows so that a few dozen bars show every transition: a 5-bar high, shorts of at most 5 days. */
    private static Params params(List<String> symbols, double allocation) {
        return new Params(symbols, 1, 10, 31, 0.3, 5, allocation, 0.2, 0.1, 0.2, 0.1, 5, DecemberReboundThenShort.Confirm.OFF);
    }

    private static BacktestResult run(Params params, OhlcvSeries... bars) {
        return Backtest.builder(MarketData.of(bars)).strategy(() -> new DecemberReboundThenShort(params)).initialCash(10_000)
                .build().run();
    }

    private static String ordered(Order o) {
        return o.submittedAt().toString().substring(0, 10) + " " + o.symbol() + " " + o.sizing() + " " + o.amount();
    }

    private static String filled(Fill f) {
        return f.time().toString().substring(0, 10) + " " + f.symbol() + " @ " + f.price();
    }

    @Test
    void buysTheReboundShortsItAtTheTargetAndCoversAtTheShortsTakeProfitOncePerDecember() {
        // Flat daily bars from Nov 26: 35 % below the 5-bar high on Dec 1; +21 % over the cost on Dec 4;
        // 22 % below the short's cost on Dec 7; deep again on Dec 9, but this coin has had its December.
        OhlcvSeries eth = closes(crypto("ETH-USD"), NOV_26, 100, 100, 100, 100, 100, 65, 70, 80, 85, 90, 80, 70, 75, 60, 50);
        OhlcvSeries sol = closes(crypto("SOL-USD"), NOV_26, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
        BacktestResult r = run(params(List.of("ETH-USD", "SOL-USD"), 1.0), eth, sol);

        assertThat(r.orders()).extracting(DecemberReboundThenShortTest::ordered).containsExactly(
                "2023-12-01 ETH-USD TARGET_WEIGHT 0.5",
                "2023-12-04 ETH-USD TARGET_WEIGHT -0.5",
                "2023-12-07 ETH-USD CLOSE 0.0");
        assertThat(r.fills()).extracting(DecemberReboundThenShortTest::filled).containsExactly(
                "2023-12-02 ETH-USD @ 70.0", "2023-12-05 ETH-USD @ 90.0", "2023-12-08 ETH-USD @ 75.0");
        double long_ = 0.5 * 10_000 / 70;
        double equityAtShort = 5_000 + long_ * 90;
        double short_ = 0.5 * equityAtShort / 90;
        assertThat(r.fills().get(0).quantity()).isCloseTo(long_, within(EXACT));
        assertThat(r.fills().get(1).quantity()).isCloseTo(-long_ - short_, within(EXACT));
        assertThat(r.fills().get(2).quantity()).isCloseTo(short_, within(EXACT));
        assertThat(r.equity(r.size() - 1)).isCloseTo(equityAtShort + short_ * (90 - 75), within(EXACT));
    }

    @Test
    void aConfirmedEntryWaitsUntilBitcoinStopsFallingAndTheCoinIsStrongerThanIt() {
        // ETH is over 30 % below its 6-bar high from Dec 1 to Dec 5. BTC's close is at or above its close of
        // 2 days before from Dec 4 (92 >= 90). ETH against BTC over 3 days, by closes on Dec 1..3:
        // Dec 4 (62 / 65) / (92 / 95) - 1 = -1.5 %, Dec 5 (68 / 65) / (93 / 90) - 1 = +1.2 %,
        // Dec 6 (68 / 65) / (93 / 91) - 1 = +2.4 %.
        OhlcvSeries eth = closes(crypto("ETH-USD"), NOV_26, 100, 100, 100, 100, 100, 65, 65, 65, 62, 68, 68);
        OhlcvSeries btc = closes(crypto("BTC-USD"), NOV_26, 100, 100, 100, 100, 100, 95, 90, 91, 92, 93, 93);
        java.util.function.Function<DecemberReboundThenShort.Confirm, List<String>> entries = confirm -> run(new Params(
                List.of("ETH-USD"), 1, 10, 31, 0.3, 6, 1.0, 0.2, 0.1, 0.2, 0.1, 5, confirm), eth, btc).orders().stream()
                .map(DecemberReboundThenShortTest::ordered).toList();

        assertThat(entries.apply(DecemberReboundThenShort.Confirm.OFF)).first().isEqualTo("2023-12-01 ETH-USD TARGET_WEIGHT 1.0");
        assertThat(entries.apply(new DecemberReboundThenShort.Confirm("BTC-USD", 2, 0, 0)))
                .first().isEqualTo("2023-12-04 ETH-USD TARGET_WEIGHT 1.0");
        assertThat(entries.apply(new DecemberReboundThenShort.Confirm("BTC-USD", 2, 3, 0)))
                .first().isEqualTo("2023-12-05 ETH-USD TARGET_WEIGHT 1.0");
        assertThat(entries.apply(new DecemberReboundThenShort.Confirm("BTC-USD", 2, 3, 0.05))).isEmpty();
    }

    @Test
    void exitsTheLongAtTheTrailingStopAndCoversTheShortAtItsStopLoss() {
        // Dec 4: 71 is more than 10 % below the high close since entry, 80. Dec 6: 80 is 11 % above the short's cost, 72.
        OhlcvSeries eth = closes(crypto("ETH-USD"), NOV_26, 100, 100, 100, 100, 100, 65, 70, 80, 71, 72, 80, 81);
        BacktestResult r = run(params(List.of("ETH-USD"), 1.0), eth);

        assertThat(r.orders()).extracting(DecemberReboundThenShortTest::ordered).containsExactly(
                "2023-12-01 ETH-USD TARGET_WEIGHT 1.0",
                "2023-12-04 ETH-USD TARGET_WEIGHT -1.0",
                "2023-12-06 ETH-USD CLOSE 0.0");
        assertThat(r.fills()).extracting(DecemberReboundThenShortTest::filled).containsExactly(
                "2023-12-02 ETH-USD @ 70.0", "2023-12-05 ETH-USD @ 72.0", "2023-12-07 ETH-USD @ 81.0");
        double units = 10_000.0 / 70;
        assertThat(r.fills().get(1).quantity()).isCloseTo(-2 * units, within(EXACT));
        assertThat(r.equity(r.size() - 1)).isCloseTo(10_000 + units * (72 - 70) + units * (72 - 81), within(EXACT));
    }

    @Test
    void turnsAtTheWindowsEndAndCoversTheShortAfterMaxShortDays() {
        // Entered on Dec 1, the long drifts up 0.1 a day (no target, no stop) until Dec 31; the short is flat.
        double[] prices = new double[46];
        for (int k = 0; k < prices.length; k++) {
            LocalDate d = NOV_26.plusDays(k);
            prices[k] = d.getMonth() == Month.NOVEMBER ? 100 : d.getYear() == 2024 ? 73 : d.getDayOfMonth() == 1 ? 65
                    : 70 + 0.1 * (d.getDayOfMonth() - 2);
        }
        BacktestResult r = run(params(List.of("ETH-USD"), 1.0), closes(crypto("ETH-USD"), NOV_26, prices));

        assertThat(r.orders()).extracting(DecemberReboundThenShortTest::ordered).containsExactly(
                "2023-12-01 ETH-USD TARGET_WEIGHT 1.0",
                "2023-12-31 ETH-USD TARGET_WEIGHT -1.0",
                "2024-01-05 ETH-USD CLOSE 0.0"); // Dec 31 + maxShortDays
        assertThat(r.fills()).extracting(Fill::time).extracting(t -> t.toString().substring(0, 10))
                .containsExactly("2023-12-02", "2024-01-01", "2024-01-06");
    }

    @Test
    void tradesOnlyInsideItsDecemberWindowsOnRealData() {
        BacktestResult r = RealData.backtest(() -> new DecemberReboundThenShort(DecemberReboundThenShort.Params.DEFAULTS)).build().run();

        // Every order lies in [Dec 1, Dec 31 + 30 days] of some year: in December, or on or before Jan 30.
        assertThat(r.orders()).isNotEmpty().allSatisfy(o -> {
            LocalDate d = LocalDate.ofInstant(o.submittedAt(), ZoneOffset.UTC);
            assertThat(d.getMonth() == Month.DECEMBER || !d.isAfter(LocalDate.of(d.getYear(), 1, 30)))
                    .as("order %s placed on %s", o, d).isTrue();
        });
        // Positions exist only from the first fill (Dec 2) to the last one (Jan 31).
        for (int s = 0; s < r.size(); s++) {
            LocalDate d = LocalDate.ofInstant(r.time(s), ZoneOffset.UTC);
            boolean inside = d.getMonth() == Month.DECEMBER && d.getDayOfMonth() >= 2 || !d.isAfter(LocalDate.of(d.getYear(), 1, 31));
            if (!inside) {
                assertThat(r.invested(s)).as("invested on %s", d).isFalse();
            }
        }
        assertThat(r.fills()).anySatisfy(f -> assertThat(f.quantity()).isNegative());
        assertThat(r.metrics().fundingPaid()).isPositive(); // shorts pay the run's funding rate
    }

    /** Pinned by running once: 10,000 of cash, 0.1 % fees, 0.01 % funding per 8 hours, 2018-01-01 to 2025-11-21. */
    @Test
    void pinsItsRealDataMetrics() {
        BacktestResult r = RealData.backtest(() -> new DecemberReboundThenShort(DecemberReboundThenShort.Params.DEFAULTS)).build().run();

        RealData.assertPinned(r.metrics(),
                -0.31082472112998827, -0.046098313481675146, -0.3326162399231759, -0.5805419537403489, 6891.7527887001215, 0);
        assertThat(r.orders()).hasSize(42);
    }

    @Test
    void bindsItsParametersFromConfigAndNamesABadOne() {
        var json = JsonMapper.builder().build();
        Params bound = StrategyFactory.bind(Params.class, json.readTree(
                "{\"symbols\": [\"ETH-USD\"], \"entryToDay\": 15, \"reboundTarget\": 0.5, \"maxShortDays\": 10}"), "strategy.params");

        assertThat(bound).isEqualTo(new Params(List.of("ETH-USD"), 1, 15, 31, 0.3, 90, 1.0, 0.5, 0.1, 0.2, 0.1, 10,
                DecemberReboundThenShort.Confirm.OFF));
        assertThat(StrategyFactory.bind(Params.class, null, "strategy.params")).isEqualTo(new Params(
                List.of("ETH-USD", "SOL-USD", "XRP-USD", "DOGE-USD", "ZEC-USD"), 1, 10, 31, 0.3, 90, 1.0, 0.2, 0.1, 0.2, 0.1, 30,
                DecemberReboundThenShort.Confirm.OFF));
        assertThatThrownBy(() -> StrategyFactory.bind(Params.class, json.readTree("{\"entryFromDay\": 12}"), "strategy.params"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("strategy.params.entryFromDay: expected at most entryToDay (10), got 12");
        assertThatThrownBy(() -> StrategyFactory.bind(Params.class, json.readTree("{\"longExitDay\": 32}"), "strategy.params"))
                .hasMessage("strategy.params.longExitDay: expected an integer in [1, 31], got 32");
    }
}

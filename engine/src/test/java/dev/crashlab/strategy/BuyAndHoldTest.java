package dev.crashlab.strategy;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.equity;
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
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Fill;
import dev.crashlab.metrics.Metrics;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.testing.SharedData;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The engine's buy-and-hold: the benchmark of every run, and a strategy configs may name. */
class BuyAndHoldTest {

    /** Hand-computed arithmetic on small numbers; anything beyond this is a bug, not rounding. */
    private static final double EXACT = 1e-9;

    private static String ordered(Order o) {
        return o.submittedAt().toString().substring(0, 10) + " " + o.symbol() + " " + o.sizing() + " " + o.amount();
    }

    private static String filled(Fill f) {
        return f.time().toString().substring(0, 10) + " " + f.symbol() + " " + f.price();
    }

    @Test
    void investsAllCashAtTheFirstStepAndEachContributionWhenItArrives() {
        // 2024-01-01 is a Monday: 100 arrives with the start, 100 more on Monday the 8th.
        OhlcvSeries btc = closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), 100, 100, 100, 100, 100, 100, 100, 200, 200, 200);
        BacktestResult r = Backtest.builder(MarketData.of(btc)).strategy(() -> new BuyAndHold(BuyAndHold.Params.DEFAULTS)).initialCash(1_000)
                .contributions(Contributions.every(Schedule.WEEKLY, 100)).costs(Costs.DEFAULTS.withFeeRate(0.01)).build().run();

        assertThat(r.orders()).extracting(BuyAndHoldTest::ordered).containsExactly(
                "2024-01-01 BTC-USD VALUE 1100.0",
                "2024-01-08 BTC-USD VALUE 100.0");
        assertThat(r.fills()).extracting(BuyAndHoldTest::filled).containsExactly(
                "2024-01-02 BTC-USD 100.0",
                "2024-01-09 BTC-USD 200.0");
        assertThat(r.fills().get(0).quantity()).isCloseTo(1100 / (100 * 1.01), within(EXACT));
        assertThat(r.fills().get(1).quantity()).isCloseTo(100 / (200 * 1.01), within(EXACT));
        assertThat(r.cash(r.size() - 1)).isCloseTo(0, within(EXACT));
    }

    @Test
    void splitsCashEquallyAndKeepsASymbolsShareWhileItsOrderWaitsForABar() {
        // Friday 2024-01-05 to Tuesday the 9th; QQQ has no bar at the weekend; 10 arrives every day.
        OhlcvSeries btc = closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 5), 40, 40, 40, 40, 40);
        OhlcvSeries qqq = closes(equity("QQQ"), LocalDate.of(2024, 1, 5), 100, 100, 100);
        BuyAndHold.Params basket = new BuyAndHold.Params(List.of("BTC-USD", "QQQ"));
        BacktestResult r = Backtest.builder(MarketData.of(btc, qqq)).strategy(() -> new BuyAndHold(basket)).initialCash(1_000)
                .contributions(Contributions.every(Schedule.DAILY, 10)).build().run();

        assertThat(r.orders()).extracting(BuyAndHoldTest::ordered).containsExactly(
                "2024-01-05 BTC-USD VALUE 505.0",
                "2024-01-05 QQQ VALUE 505.0",
                "2024-01-06 BTC-USD VALUE 5.0",
                "2024-01-07 BTC-USD VALUE 5.0",
                "2024-01-08 BTC-USD VALUE 5.0",
                "2024-01-08 QQQ VALUE 15.0", // Saturday's, Sunday's and Monday's shares, once Friday's order filled
                "2024-01-09 BTC-USD VALUE 5.0",
                "2024-01-09 QQQ VALUE 5.0");
        assertThat(r.fills()).extracting(BuyAndHoldTest::filled).containsExactly(
                "2024-01-06 BTC-USD 40.0",
                "2024-01-07 BTC-USD 40.0",
                "2024-01-08 QQQ 100.0", // waiting orders fill in the order they were placed
                "2024-01-08 BTC-USD 40.0",
                "2024-01-09 BTC-USD 40.0",
                "2024-01-09 QQQ 100.0");
        assertThat(r.finalPositions().get(Symbol.of("BTC-USD"))).isCloseTo(520.0 / 40, within(EXACT));
        assertThat(r.finalPositions().get(Symbol.of("QQQ"))).isCloseTo(520.0 / 100, within(EXACT));
        assertThat(r.openOrders()).hasSize(2);
    }

    /** BTC-USD from {@code ../shared/data}, 2018-01-01 to 2025-11-21, 10,000 of cash and 0.1 % fees, as the seed strategies' pins. */
    private static Backtest.Builder onRealBtc(OhlcvSeries btc) {
        return Backtest.builder(MarketData.of(btc)).strategy(() -> new BuyAndHold(BuyAndHold.Params.DEFAULTS))
                .start(Instant.parse("2018-01-01T00:00:00Z"))
                .end(Instant.parse("2025-11-21T00:00:00Z")).initialCash(10_000).costs(Costs.DEFAULTS.withFeeRate(0.001));
    }

    @Test
    void investsEveryWeeklyContributionOnRealData() {
        OhlcvSeries btc = PriceLoader.load(SharedData.file("BTC-USD.csv"));
        BacktestResult r = onRealBtc(btc).contributions(Contributions.every(Schedule.WEEKLY, 100)).build().run();

        // Independent count: the Mondays of the range, each bringing 100 (the first one arrives with the start).
        int mondays = 0;
        for (int i = 0; i < btc.size(); i++) {
            LocalDate d = btc.date(i);
            if (!d.isBefore(LocalDate.of(2018, 1, 1)) && !d.isAfter(LocalDate.of(2025, 11, 21))
                    && d.getDayOfWeek() == DayOfWeek.MONDAY) {
                mondays++;
            }
        }
        assertThat(mondays).isEqualTo(412);
        assertThat(r.orders()).hasSize(mondays);
        assertThat(r.orders().getFirst().amount()).isEqualTo(10_100);
        assertThat(r.orders().subList(1, mondays)).allSatisfy(o -> assertThat(o.amount()).isEqualTo(100));
        assertThat(r.fills()).hasSize(mondays);
        assertThat(r.cash(r.size() - 1)).isCloseTo(0, within(1e-6));
    }

    /** Pinned on real data by running once (10,000 of cash, 0.1 % fees, 2018-01-01 to 2025-11-21), to 1e-9 relative. */
    @Test
    void pinsItsRealDataMetrics() {
        Metrics m = onRealBtc(PriceLoader.load(SharedData.file("BTC-USD.csv"))).build().run().metrics();

        assertThat(m.totalReturn()).isCloseTo(5.3223039091919775, withinPinned(5.3223039091919775));
        assertThat(m.cagr()).isCloseTo(0.26338028422454585, withinPinned(0.26338028422454585));
        assertThat(m.maxDrawdown()).isCloseTo(-0.8117602184914077, withinPinned(-0.8117602184914077));
        assertThat(m.sharpe()).isCloseTo(0.6885078624111108, withinPinned(0.6885078624111108));
        assertThat(m.finalEquity()).isCloseTo(63223.03909192004, withinPinned(63223.03909192004));
        assertThat(m.liquidations()).isZero();
    }

    private static org.assertj.core.data.Offset<Double> withinPinned(double expected) {
        return within(1e-9 * Math.abs(expected));
    }

    @Test
    void bindsItsSymbolsFromConfigAndNamesABadOne() {
        var json = JsonMapper.builder().build();
        assertThat(StrategyFactory.bind(BuyAndHold.Params.class, json.readTree("{\"symbols\": [\"ETH-USD\", \"GLD\"]}"), "benchmark.params"))
                .isEqualTo(new BuyAndHold.Params(List.of("ETH-USD", "GLD")));
        assertThat(StrategyFactory.bind(BuyAndHold.Params.class, null, "benchmark.params")).isEqualTo(BuyAndHold.Params.DEFAULTS);
        assertThatThrownBy(() -> StrategyFactory.bind(BuyAndHold.Params.class, json.readTree("{\"symbols\": []}"), "benchmark.params"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("benchmark.params.symbols: expected at least one element, got []");
    }
}

package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.equity;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.clock.Schedule;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.data.Symbol;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Margin;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.strategy.Event;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed scenarios for carry, margin, liquidation and external cash flows. */
class AccountingTest {

    private static final double EXACT = 1e-9;

    @Test
    void anEquityShortPaysTheAnnualBorrowRateForEachCalendarDay() {
        Instrument spy = equity("SPY");
        // Thursday 2024-01-04 .. Tuesday 2024-01-09: the weekend counts, three days at once.
        OhlcvSeries bars = closes(spy, LocalDate.of(2024, 1, 4), 100, 100, 100, 100);
        Scripted s = new Scripted().at(0, ctx -> ctx.sell("SPY", 10));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> s).initialCash(1000)
                .costs(Costs.DEFAULTS.withBorrowRate(0.365)).build().run();

        // 10 × 100 × 0.365 / 365 = 1 per day: Fri→Mon = 3 days, Mon→Tue = 1 day.
        assertThat(r.metrics().fundingPaid()).isCloseTo(4, within(EXACT));
        assertThat(r.equity(3)).isCloseTo(1000 - 4, within(EXACT));
    }

    @Test
    void anEquityShortBesideCryptoPaysForEachCalendarDayStepByStep() {
        // With BTC trading every day the clock is not SPY's: weekend steps charge a day each.
        OhlcvSeries spy = closes(equity("SPY"), LocalDate.of(2024, 1, 4), 100, 100, 100, 100);
        OhlcvSeries btc = closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 4), 40, 40, 40, 40, 40, 40);
        Scripted s = new Scripted().at(0, ctx -> ctx.sell("SPY", 10));
        BacktestResult r = Backtest.builder(MarketData.of(spy, btc)).strategy(() -> s).initialCash(1000)
                .costs(Costs.DEFAULTS.withBorrowRate(0.365)).build().run();

        // Short from Friday's open to Tuesday: four days at 1 a day, as with SPY alone.
        assertThat(r.size()).isEqualTo(6);
        assertThat(r.metrics().fundingPaid()).isCloseTo(4, within(EXACT));
        assertThat(r.equity(5)).isCloseTo(1000 - 4, within(EXACT));
    }

    @Test
    void aCryptoShortPaysTheFundingRateEveryEightHours() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = closes(btc, LocalDate.of(2024, 1, 1), 100, 100, 100, 100);
        Scripted s = new Scripted().at(0, ctx -> ctx.sell("BTC-USD", 10));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> s).initialCash(1000)
                .costs(Costs.DEFAULTS.withFundingRate(0.001).withBorrowRate(0.5)).build().run();

        // Short from day 2's open: held over two one-day intervals, 3 × 0.001 × 1000 each.
        assertThat(r.metrics().fundingPaid()).isCloseTo(6, within(EXACT));
    }

    @Test
    void aPublishedFundingSeriesReplacesTheConstantRate() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = closes(btc, LocalDate.of(2024, 1, 1), 100, 100, 100, 100);
        NonPriceSeries funding = NonPriceSeries.of("funding", PublicationRule.NEXT_DAY_UTC,
                new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)},
                new double[] {0.01, 0.02, -0.01});
        MarketData data = MarketData.builder().add(bars).add(funding).build();
        Scripted s = new Scripted().at(0, ctx -> ctx.sell("BTC-USD", 10));
        BacktestResult r = Backtest.builder(data).strategy(() -> s).initialCash(1000)
                .costs(Costs.DEFAULTS.withFundingRate(0.5)
                        .withFundingSeries(Map.of(Symbol.of("BTC-USD"), new Costs.FundingSeries("funding", 0.01))))
                .build().run();

        // Day 2→3 charged at the rate dated 2 Jan (published 3 Jan): 0.02 % × 3 × 1000 = 0.6;
        // day 3→4 at the rate of 3 Jan, -0.01 %: the short receives 0.3.
        assertThat(r.metrics().fundingPaid()).isCloseTo(0.6 - 0.3, within(EXACT));
    }

    @Test
    void borrowedCashPaysTheBorrowRate() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = closes(btc, LocalDate.of(2024, 1, 1), 100, 100, 100);
        Scripted s = new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 20));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> s).initialCash(1000)
                .margin(new Margin(0.5, 0.1, 0.01)).costs(Costs.DEFAULTS.withBorrowRate(0.365)).build().run();

        // 2000 bought with 1000 of cash: 1000 borrowed for one day at 0.1 % a day.
        assertThat(r.metrics().fundingPaid()).isCloseTo(1, within(EXACT));
        assertThat(r.cash(2)).isCloseTo(-1001, within(EXACT));
    }

    @Test
    void refusesLeverageBeyondTheInitialMargin() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = closes(btc, LocalDate.of(2024, 1, 1), 100, 100, 100);
        Scripted s = new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 31));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> s).initialCash(1000)
                .margin(new Margin(1.0 / 3, 0.1, 0.01)).build().run();

        assertThat(r.fills()).isEmpty();
        assertThat(r.events()).singleElement().satisfies(e -> assertThat(e.message()).contains("not enough margin"));
    }

    @Test
    void cutsACashValueBuyToTheLargestQuantityTheMarginCarries() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = closes(btc, LocalDate.of(2024, 1, 1), 100, 100, 100);
        // 10× the cash: with a 0.1 % fee, 10 000 worth of units would need 999.0 of margin out of 990.0 of equity.
        Scripted s = new Scripted().at(0, ctx -> ctx.buyValue("BTC-USD", 10_000));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> s).initialCash(1000)
                .costs(Costs.DEFAULTS.withFeeRate(0.001)).margin(new Margin(0.1, 0.05, 0.01)).build().run();

        // Each unit ties up 0.1 × 100 of margin and pays 0.001 × 100 of fee out of the equity of 1000.
        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.quantity()).isCloseTo(1000 / 10.1, within(EXACT)));
        assertThat(r.events()).isEmpty();
    }

    @Test
    void refusesAnUnaffordableCashValueBuyInACashAccount() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = closes(btc, LocalDate.of(2024, 1, 1), 100, 100, 100);
        Scripted s = new Scripted().at(0, ctx -> ctx.buyValue("BTC-USD", 1500));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> s).initialCash(1000).build().run();

        assertThat(r.fills()).isEmpty();
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Event.Kind.REJECTED);
            assertThat(e.message()).contains("not enough cash");
        });
    }

    @Test
    void liquidatesALeveragedLongWhereEquityMeetsTheMaintenanceMargin() {
        Instrument btc = crypto("BTC-USD");
        //                              open high low close
        OhlcvSeries bars = ohlc(btc, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 101, 99, 100,
                100, 100, 80, 85,
                85, 86, 84, 85);
        Scripted s = new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 100));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> s).initialCash(1000)
                .margin(new Margin(0.1, 0.05, 0.01)).build().run();

        // cash -9000, 100 units: equity(p) = 100 p - 9000 meets 0.05 × 100 p at p = 9000 / 95.
        double liquidation = 9000.0 / 95;
        Fill fill = r.fills().get(1);
        assertThat(fill.kind()).isEqualTo(Fill.Kind.LIQUIDATION);
        assertThat(fill.price()).isCloseTo(liquidation, within(EXACT));
        assertThat(fill.fee()).isCloseTo(0.01 * 100 * liquidation, within(EXACT));
        assertThat(r.metrics().liquidations()).isEqualTo(1);
        assertThat(r.events()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(Event.Kind.LIQUIDATION));
        double after = 100 * liquidation - 9000 - 0.01 * 100 * liquidation;
        assertThat(r.equity(2)).isCloseTo(after, within(EXACT));
        assertThat(r.finalPositions().get(Symbol.of("BTC-USD"))).isZero();
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.liquidated()).isTrue());
    }

    @Test
    void liquidatesAtTheOpenWhenTheBarGappedThroughTheLiquidationPrice() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = ohlc(btc, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 101, 99, 100,
                90, 92, 88, 91);
        Scripted s = new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 100));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> s).initialCash(1000)
                .margin(new Margin(0.1, 0.05, 0)).build().run();

        assertThat(r.fills().get(1).price()).isEqualTo(90);
        assertThat(r.equity(2)).isCloseTo(0, within(EXACT));
    }

    @Test
    void liquidatesAShortAtTheHighSide() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = ohlc(btc, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 101, 99, 100,
                100, 130, 99, 120);
        Scripted s = new Scripted().at(0, ctx -> ctx.sell("BTC-USD", 40));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> s).initialCash(1000)
                .margin(new Margin(0.25, 0.1, 0)).build().run();

        // cash 5000, -40 units: equity(p) = 5000 - 40 p meets 0.1 × 40 p at p = 5000 / 44.
        assertThat(r.fills().get(1).price()).isCloseTo(5000.0 / 44, within(EXACT));
    }

    @Test
    void addsContributionsAtTheFirstStepOnOrAfterEachMondayKeepingThemOutOfReturns() {
        Instrument btc = crypto("BTC-USD");
        // 2024-01-03 is a Wednesday; Mondays 8th and 15th fall inside.
        OhlcvSeries bars = closes(btc, LocalDate.of(2024, 1, 3), flat(16, 50));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> new Scripted()).initialCash(1000)
                .contributions(Contributions.every(Schedule.WEEKLY, 100)).build().run();

        assertThat(r.contributions(4)).isZero(); // Sunday the 7th
        assertThat(r.contributions(5)).isEqualTo(100); // Monday the 8th
        assertThat(r.contributions(12)).isEqualTo(200); // Monday the 15th
        assertThat(r.metrics().netContributions()).isEqualTo(200);
        assertThat(r.metrics().totalReturn()).isZero();
        assertThat(r.metrics().profit()).isZero();
    }

    @Test
    void countsContributionsFromTheFirstBarNotFromAnEarlierConfiguredStart() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = closes(btc, LocalDate.of(2024, 3, 4), flat(10, 50)); // a Monday
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> new Scripted()).initialCash(1000)
                .start(java.time.Instant.parse("2024-01-01T00:00:00Z"))
                .contributions(Contributions.every(Schedule.WEEKLY, 100)).build().run();

        assertThat(r.contributions(0)).isEqualTo(100); // this Monday's only: the weeks before the data are not lumped in
        assertThat(r.contributions(9)).isEqualTo(200);
    }

    @Test
    void commitsCashToWaitingBuysSoThatItIsNotSpentTwice() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = closes(btc, LocalDate.of(2024, 1, 1), 100, 100, 100);
        java.util.List<Double> seen = new java.util.ArrayList<>();
        Scripted s = new Scripted().at(0, ctx -> {
            ctx.buyValue("BTC-USD", 300);
            ctx.buy("BTC-USD", 2);
            seen.add(ctx.portfolio().availableCash());
        }).at(1, ctx -> seen.add(ctx.portfolio().availableCash()));
        Backtest.builder(MarketData.of(bars)).strategy(() -> s).initialCash(1000)
                .costs(Costs.DEFAULTS.withFeeRate(0.01)).build().run();

        assertThat(seen.get(0)).isCloseTo(1000 - 300 - 2 * 100 * 1.01, within(EXACT));
        assertThat(seen.get(1)).isCloseTo(1000 - 300 - 2 * 100 * 1.01, within(EXACT)); // filled: cash itself fell
    }

    @Test
    void countsAGapBeyondAShortsLiquidationAsATotalLossNotMore() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = ohlc(btc, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 101, 99, 100,
                250, 260, 240, 250);
        Scripted s = new Scripted().at(0, ctx -> ctx.targetWeight("BTC-USD", -1));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> s).initialCash(1000).build().run();

        assertThat(r.cash(2)).isNegative(); // the gap took more than the equity: a margin loss
        assertThat(r.metrics().totalReturn()).isEqualTo(-1);
        assertThat(r.metrics().maxDrawdown()).isEqualTo(-1);
    }

    @Test
    void takesWithdrawalsOutOfCashButNeverMoreThanThereIs() {
        Instrument btc = crypto("BTC-USD");
        OhlcvSeries bars = closes(btc, LocalDate.of(2024, 1, 1), flat(10, 50));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> new Scripted()).initialCash(150)
                .contributions(Contributions.every(Schedule.DAILY, -100)).build().run();

        assertThat(r.cash(0)).isEqualTo(50);
        assertThat(r.cash(1)).isZero();
        assertThat(r.metrics().netContributions()).isEqualTo(-150);
        assertThat(r.events()).first().satisfies(e -> assertThat(e.message())
                .isEqualTo("withdrawal of 100.00 reduced to the available cash 50.00"));
    }

    private static double[] flat(int n, double price) {
        double[] p = new double[n];
        java.util.Arrays.fill(p, price);
        return p;
    }
}

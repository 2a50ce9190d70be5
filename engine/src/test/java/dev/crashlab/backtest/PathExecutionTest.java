package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.MaintenanceTiers;
import dev.crashlab.execution.Margin;
import dev.crashlab.execution.MarginMode;
import dev.crashlab.execution.PathRule;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.OrderType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The path of a bar, one rule per test, on tiny inline bars through the strategy API. */
class PathExecutionTest {

    private static final double EXACT = 1e-9;
    private static final Instrument BTC = crypto("BTC-USD");
    private static final String B = BTC.symbol().value();

    //                                                   open high low close
    private static final OhlcvSeries SWING = ohlc(BTC, LocalDate.of(2024, 1, 1),
            100, 100, 100, 100,
            100, 100, 100, 100,
            100, 110, 90, 100,
            100, 100, 100, 100);

    private static BacktestResult run(OhlcvSeries bars, Scripted strategy, Costs costs, Margin margin) {
        return Backtest.builder(MarketData.of(bars)).strategy(() -> strategy).initialCash(1_000).costs(costs).margin(margin)
                .build().run();
    }

    private static Scripted longWithStopAndTarget() {
        return new Scripted()
                .at(0, ctx -> ctx.buy("BTC-USD", 1))
                .at(1, ctx -> {
                    ctx.submit(Order.closeStop(B, 95).withTag("stop"));
                    ctx.submit(Order.closeLimit(B, 105).withTag("target"));
                });
    }

    private static String firstExit(BacktestResult r) {
        return r.fills().get(1).tag() + " at " + r.fills().get(1).price();
    }

    @Test
    void theRuleDecidesWhetherTheStopOrTheTargetOfTheSameBarFillsFirst() {
        assertThat(firstExit(run(SWING, longWithStopAndTarget(), Costs.DEFAULTS.withPathRule(PathRule.HIGH_FIRST), Margin.NONE)))
                .isEqualTo("target at 105.0");
        assertThat(firstExit(run(SWING, longWithStopAndTarget(), Costs.DEFAULTS.withPathRule(PathRule.LOW_FIRST), Margin.NONE)))
                .isEqualTo("stop at 95.0");
        // High and low equally far from the open: the nearest-extreme rule goes low first.
        assertThat(firstExit(run(SWING, longWithStopAndTarget(), Costs.DEFAULTS, Margin.NONE))).isEqualTo("stop at 95.0");
    }

    @Test
    void theOrderTheBarDidNotNeedIsResolvedWithANoteOnceThePositionIsFlat() {
        BacktestResult r = run(SWING, longWithStopAndTarget(), Costs.DEFAULTS.withPathRule(PathRule.HIGH_FIRST), Margin.NONE);

        assertThat(r.fills()).hasSize(2);
        assertThat(r.events()).anyMatch(e -> e.kind() == Event.Kind.NOTE && e.message().contains("stop")
                && e.message().contains("already flat"));
        assertThat(r.openOrders()).isEmpty();
    }

    @Test
    void aGapFillsEveryStopItPassedAtTheOpenInTheOrderItPassedThem() {
        OhlcvSeries gap = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 100, 100,
                80, 85, 70, 75);
        Scripted twoStops = new Scripted()
                .at(0, ctx -> ctx.buy("BTC-USD", 2))
                .at(1, ctx -> {
                    ctx.submit(Order.sellStop(B, 1, 85).withTag("far"));
                    ctx.submit(Order.sellStop(B, 1, 95).withTag("near"));
                });

        BacktestResult r = run(gap, twoStops, Costs.DEFAULTS, Margin.NONE);

        assertThat(r.fills()).extracting(Fill::tag).containsExactly("", "near", "far");
        assertThat(r.fills()).extracting(Fill::price).containsExactly(100.0, 80.0, 80.0);
    }

    @Test
    void slippageNeverTakesAFillBeyondTheBarsRange() {
        OhlcvSeries openAtTheHigh = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 95, 96);
        BacktestResult r = run(openAtTheHigh, new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 1)),
                Costs.DEFAULTS.withSlippageBps(50), Margin.NONE);

        assertThat(r.fills().getFirst().price()).as("100 + 50 bps would be above the high of 100").isEqualTo(100);
    }

    @Test
    void aFillOnMarginRecordsTheLiquidationPriceItLeaves() {
        // 5 units at 100 on 100 of equity: cash -400. Flat 5 %: 5 p - 400 = 0.05 × 5 p  ⇒  p = 400 / 4.75.
        BacktestResult r = run(SWING, new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 5)), Costs.DEFAULTS,
                Margin.forLeverage(5, 0.05, 0.01));
        BacktestResult unleveraged = run(SWING, new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 5)), Costs.DEFAULTS,
                Margin.NONE);

        assertThat(r.fills().getFirst().liquidationPrice()).isNaN();
        BacktestResult small = Backtest.builder(MarketData.of(SWING)).strategy(() -> new Scripted()
                .at(0, ctx -> ctx.buy("BTC-USD", 5))).initialCash(100).margin(Margin.forLeverage(5, 0.05, 0.01))
                .build().run();
        assertThat(small.fills().getFirst().liquidationPrice()).isCloseTo(400 / 4.75, within(EXACT));
        assertThat(unleveraged.fills().getFirst().liquidationPrice()).isNaN();
    }

    @Test
    void theLiquidationPriceIsInThePortfolioForTheStrategyToSee() {
        List<Double> seen = new ArrayList<>();
        Scripted strategy = new Scripted()
                .at(0, ctx -> ctx.buy("BTC-USD", 5))
                .at(1, ctx -> seen.add(ctx.portfolio().position(B).liquidationPrice()));
        Backtest.builder(MarketData.of(SWING)).strategy(() -> strategy).initialCash(100)
                .margin(Margin.forLeverage(5, 0.05, 0.01)).build().run();

        assertThat(seen).singleElement().satisfies(p -> assertThat(p).isCloseTo(400 / 4.75, within(EXACT)));
    }

    @Test
    void anIsolatedPositionIsLiquidatedAloneAndTheOtherKeepsItsMargin() {
        Instrument eth = crypto("ETH-USD");
        OhlcvSeries btc = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 100, 70, 75,
                75, 75, 75, 75);
        OhlcvSeries flatEth = ohlc(eth, LocalDate.of(2024, 1, 1),
                10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        Scripted twoLongs = new Scripted().at(0, ctx -> {
            ctx.buy("BTC-USD", 40);
            ctx.buy("ETH-USD", 100);
        });
        BacktestResult r = Backtest.builder(MarketData.of(btc, flatEth)).strategy(() -> twoLongs).initialCash(1_000)
                .margin(Margin.forLeverage(5).withMode(MarginMode.ISOLATED)).build().run();

        // BTC: 4,000 of notional on 800 of isolated margin, liquidated near 80.3 on the fall to 70.
        double level = MaintenanceTiers.BINANCE_BTCUSDT.liquidationPrice(40, 800 - 40 * 100);
        assertThat(r.fills()).filteredOn(f -> f.kind() == Fill.Kind.LIQUIDATION).singleElement()
                .satisfies(f -> {
                    assertThat(f.symbol()).isEqualTo(BTC.symbol());
                    assertThat(f.price()).isCloseTo(level, within(EXACT));
                });
        assertThat(r.finalPositions().get(eth.symbol())).isEqualTo(100);
        assertThat(r.metrics().liquidations()).isEqualTo(1);
    }

    @Test
    void aCrossLiquidationClosesEveryPositionAndCancelsTheirOrders() {
        Instrument eth = crypto("ETH-USD");
        OhlcvSeries btc = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 100, 70, 75);
        OhlcvSeries flatEth = ohlc(eth, LocalDate.of(2024, 1, 1), 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        Scripted strategy = new Scripted()
                .at(0, ctx -> {
                    ctx.buy("BTC-USD", 40);
                    ctx.buy("ETH-USD", 100);
                })
                .at(1, ctx -> ctx.submit(Order.sellLimit("ETH-USD", 100, 20)));
        BacktestResult r = Backtest.builder(MarketData.of(btc, flatEth)).strategy(() -> strategy).initialCash(1_000)
                .margin(Margin.forLeverage(5)).build().run();

        assertThat(r.fills()).filteredOn(f -> f.kind() == Fill.Kind.LIQUIDATION).extracting(Fill::symbol)
                .containsExactly(BTC.symbol(), eth.symbol());
        assertThat(r.events()).anyMatch(e -> e.kind() == Event.Kind.CANCELLED && e.message().contains("by the liquidation"));
        assertThat(r.events()).filteredOn(e -> e.kind() == Event.Kind.LIQUIDATION).extracting(Event::symbol)
                .containsExactly(B, eth.symbol().value());
        assertThat(r.metrics().liquidations()).isEqualTo(1);
        assertThat(r.equity(2)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theLiquidationFeeNeverTakesMoreThanThePositionsLeave() {
        BacktestResult r = Backtest.builder(MarketData.of(SWING)).strategy(() -> new Scripted()
                .at(0, ctx -> ctx.buy("BTC-USD", 9.8))).initialCash(100)
                .margin(new Margin(0.1, 0.004, 0.05)).build().run();

        Fill liquidation = r.fills().get(1);
        // At the liquidation price equity is 0.4 % of notional, much less than a 5 % fee: the fee takes exactly that.
        assertThat(liquidation.fee()).isCloseTo(0.004 * 9.8 * liquidation.price(), within(EXACT));
        assertThat(r.equity(2)).isCloseTo(0, within(EXACT));
    }

    @Test
    void inCloseModeAFillAtTheCloseIsCheckedAgainstTheMarginThere() {
        OhlcvSeries bars = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 60, 62,
                62, 62, 62, 62);
        Scripted longAtTheClose = new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 5));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> longAtTheClose).initialCash(100)
                .costs(Costs.DEFAULTS.withFillMode(dev.crashlab.execution.FillMode.CLOSE))
                .margin(Margin.forLeverage(5, 0.05, 0.01)).build().run();

        assertThat(r.fills()).extracting(Fill::kind).containsExactly(Fill.Kind.ORDER, Fill.Kind.LIQUIDATION);
        assertThat(r.fills().get(1).price()).isCloseTo(400 / 4.75, within(EXACT));
    }

    @Test
    void isolatedMarginComesFromTheWalletNotFromAnotherFillsUnrealisedProfit() {
        // 10 units at 100 on 100 of cash, 10x isolated; at 200 the equity is 1,100, 1,000 of it
        // unrealised. 45 more at 200 would need 900 of margin the wallet (100) does not have.
        OhlcvSeries bars = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 200, 100, 200,
                200, 200, 200, 200,
                200, 200, 165, 166,
                166, 166, 166, 166);
        Scripted addOnProfit = new Scripted()
                .at(0, ctx -> ctx.buy("BTC-USD", 10))
                .at(2, ctx -> ctx.buy("BTC-USD", 45));
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(() -> addOnProfit).initialCash(100)
                .margin(Margin.forLeverage(10).withMode(MarginMode.ISOLATED)).build().run();

        assertThat(r.fills()).extracting(Fill::quantity).containsExactly(10.0);
        assertThat(r.events()).anyMatch(e -> e.kind() == Event.Kind.REJECTED && e.message().contains("not enough margin"));
        for (int s = 0; s < r.size(); s++) {
            assertThat(r.equity(s)).as("equity at step %d", s).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aStopFilledOnAGapIsNotLiquidatedAtPricesTheGapNeverTraded() {
        OhlcvSeries gapUp = ohlc(BTC, LocalDate.of(2024, 1, 1),
                100, 100, 100, 100,
                100, 100, 100, 100,
                120, 125, 119, 124);
        Scripted stopBuy = new Scripted().at(1, ctx -> ctx.buyStop("BTC-USD", 80, 100.5));
        BacktestResult r = Backtest.builder(MarketData.of(gapUp)).strategy(() -> stopBuy).initialCash(1_000)
                .margin(Margin.forLeverage(10)).build().run();

        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(120);
            assertThat(f.kind()).isEqualTo(Fill.Kind.ORDER);
        });
        assertThat(r.equity(2)).isCloseTo(1_000 + 80 * (124 - 120), within(EXACT));
    }

    @Test
    void aTargetWeightLimitOnAnInstrumentsFirstBarWaitsForItsPrice() {
        Instrument eth = crypto("ETH-USD");
        OhlcvSeries btc = ohlc(BTC, LocalDate.of(2024, 1, 1), 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
        OhlcvSeries late = ohlc(eth, LocalDate.of(2024, 1, 3), 100, 101, 99, 100);
        Scripted limitAt50 = new Scripted().at(1, ctx -> ctx.submit(
                new Order(0, "ETH-USD", null, OrderType.LIMIT, Order.Sizing.TARGET_WEIGHT, 0.5, 50,
                        null, "")));
        BacktestResult r = Backtest.builder(MarketData.of(btc, late)).strategy(() -> limitAt50).initialCash(1_000)
                .build().run();

        assertThat(r.fills()).isEmpty();
        assertThat(r.openOrders()).hasSize(1);
    }

    @Test
    void aCrossLiquidationClosesAPositionWhoseMarketIsClosedAtItsNextOpen() {
        Instrument spy = dev.crashlab.data.Instrument.of("SPY", dev.crashlab.data.AssetClass.ETF);
        // Friday 2024-01-05 both trade; BTC crashes on Saturday; SPY opens at 90 on Monday.
        OhlcvSeries btc = ohlc(BTC, LocalDate.of(2024, 1, 3),
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 100, 50, 55,
                55, 55, 55, 55,
                55, 55, 55, 55);
        OhlcvSeries spyBars = ohlc(spy, LocalDate.of(2024, 1, 3),
                100, 100, 100, 100,
                100, 100, 100, 100,
                100, 100, 100, 100,
                90, 91, 89, 90);
        Scripted bothLong = new Scripted().at(0, ctx -> {
            ctx.buy("BTC-USD", 20);
            ctx.buy("SPY", 20);
        });
        BacktestResult r = Backtest.builder(MarketData.of(btc, spyBars)).strategy(() -> bothLong).initialCash(1_000)
                .margin(Margin.forLeverage(5)).build().run();

        List<Fill> liquidations = r.fills().stream().filter(f -> f.kind() == Fill.Kind.LIQUIDATION).toList();
        assertThat(liquidations).extracting(f -> f.symbol().value()).containsExactly("BTC-USD", "SPY");
        Fill spyClose = liquidations.get(1);
        assertThat(spyClose.time()).as("Monday's bar").isEqualTo(java.time.Instant.parse("2024-01-08T00:00:00Z"));
        assertThat(spyClose.price()).isEqualTo(90);
        assertThat(r.metrics().liquidations()).isEqualTo(1);
    }
}

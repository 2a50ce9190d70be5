package dev.crashlab.strategies;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestException;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.data.MarketData;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Margin;
import dev.crashlab.strategies.Leveraged.Params;
import dev.crashlab.strategy.BuyAndHold;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LeveragedTest {

    /** Hand-computed arithmetic on small numbers; anything beyond this is a bug, not rounding. */
    private static final double EXACT = 1e-9;
    private static final String BTC = "BTC-USD";
    /** 10× on margin: initial 0.1, maintenance 0.05, liquidation fee 1 %. */
    private static final Margin TEN_TIMES = new Margin(0.1, 0.05, 0.01);

    /** Buys 1 unit, then 100 of cash, then goes to weight 0.5, then closes: one order a step. */
    private static final class FourOrders implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            switch (ctx.step()) {
                case 0 -> ctx.submit(Order.buy(BTC, 1));
                case 1 -> ctx.submit(Order.buyValue(BTC, 100));
                case 2 -> ctx.submit(Order.targetWeight(BTC, 0.5));
                case 3 -> ctx.submit(Order.close(BTC));
                default -> { }
            }
        }
    }

    @Test
    void multipliesUnitsCashAndWeightsButLetsClosesPass() {
        BacktestResult r = Backtest.builder(MarketData.of(closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), 100, 100, 100, 100, 100)))
                .strategy(() -> new Leveraged(new FourOrders(), new Params(3))).initialCash(1_000)
                .margin(Margin.forLeverage(3, 0.05, 0)).build().run();

        assertThat(r.orders()).extracting(Order::toString).containsExactly(
                "Order(#1, market buy 3.0 BTC-USD)",
                "Order(#2, market buy BTC-USD for 300.0)",
                "Order(#3, market BTC-USD to weight 1.5)",
                "Order(#4, market close BTC-USD)");
        // 3 units, 3 more for 300, up to 1.5 × 1,000 / 100 = 15 units, then back to 0.
        assertThat(r.fills()).extracting(Fill::quantity).containsExactly(3.0, 3.0, 9.0, -15.0);
        assertThat(r.cash(3)).isCloseTo(1_000 - 1_500, within(EXACT));
        assertThat(r.strategyName()).isEqualTo("Leveraged(FourOrders, 3×)");
    }

    @Test
    void failsFastWhenTheAccountDoesNotAllowTheLeverage() {
        Backtest b = Backtest.builder(MarketData.of(closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), 100, 100)))
                .strategy(() -> new Leveraged(RealData.buyAndHold(), new Params(10))).build();

        assertThatThrownBy(b::run).isInstanceOf(BacktestException.class)
                .hasMessageContaining("Leveraged 10× needs margin.initial <= 0.1; the account allows 1×");
    }

    @Test
    void tenTimesBuyAndHoldBtcIsLiquidatedIn2022AndIn2025() {
        for (String[] year : new String[][] {{"2022-01-01", "2022-12-31"}, {"2025-01-01", "2025-11-21"}}) {
            BacktestResult r = RealData.backtest(() -> new Leveraged(RealData.buyAndHold(), new Params(10))).margin(TEN_TIMES)
                    .start(Instant.parse(year[0] + "T00:00:00Z")).end(Instant.parse(year[1] + "T00:00:00Z")).build().run();

            assertThat(r.metrics().liquidations()).as(year[0]).isGreaterThanOrEqualTo(1);
            assertThat(r.events()).as(year[0]).anySatisfy(e -> assertThat(e.kind()).isEqualTo(Event.Kind.LIQUIDATION));
            assertThat(r.fills()).as(year[0]).anySatisfy(f -> assertThat(f.kind()).isEqualTo(Fill.Kind.LIQUIDATION));
        }
    }

    @Test
    void oneTimesChangesNothingOnRealData() {
        BacktestResult plain = RealData.backtest(RealData::buyAndHold).build().run();
        BacktestResult once = RealData.backtest(() -> new Leveraged(RealData.buyAndHold(), new Params(1))).build().run();

        assertThat(once.equityCurve()).containsExactly(plain.equityCurve());
    }

    /** Pinned by running once: BuyAndHold BTC at 2× and 10×, 10,000 of cash, 0.1 % fees, 5 % a year on borrowed cash. */
    @Test
    void pinsItsRealDataMetrics() {
        RealData.assertPinned(RealData.backtest(() -> new Leveraged(RealData.buyAndHold(), new Params(2)))
                .margin(Margin.forLeverage(2, 0.05, 0.01)).build().run().metrics(),
                -0.9577826209917546, -0.33051430773138946, -0.9727774629957365, -0.5322270629254897, 422.1737900824537, 1);
        RealData.assertPinned(RealData.backtest(() -> new Leveraged(RealData.buyAndHold(), new Params(10)))
                .margin(TEN_TIMES).build().run().metrics(),
                -0.6240843918234882, -0.11665485869104752, -0.8992220491723538, 0.09004722798649373, 3759.156081765119, 1);
    }

    @Test
    void bindsItsLeverageFromConfigAndRefusesLessThanOne() {
        var json = JsonMapper.builder().build();
        assertThat(StrategyFactory.bind(Params.class, json.readTree("{\"leverage\": 5}"), "wrappers[0].params")).isEqualTo(new Params(5));
        assertThat(StrategyFactory.bind(Params.class, null, "wrappers[0].params")).isEqualTo(new Params(2));
        assertThatThrownBy(() -> StrategyFactory.bind(Params.class, json.readTree("{\"leverage\": 0.5}"), "wrappers[0].params"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("wrappers[0].params.leverage: expected a number in [1, ∞], got 0.5");
    }
}

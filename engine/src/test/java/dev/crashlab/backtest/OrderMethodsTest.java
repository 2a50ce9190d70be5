package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The strategy context's order methods place the orders they always placed: those of
 * {@code submit} of the matching {@link Order} factory (the engine builds them placed, without
 * the unplaced copy, so their fields are written twice and must agree).
 */
class OrderMethodsTest {

    private static final Instrument BTC = crypto("BTC-USD");
    private static final String S = BTC.symbol().value();
    private static final OhlcvSeries BARS = ohlc(BTC, LocalDate.of(2024, 1, 1),
            10, 12, 9, 12,
            11, 14, 10, 13);

    /** Each order method, paired with the factory whose order {@code submit} would place. */
    private static final List<Pair> METHODS = List.of(
            new Pair((ctx, s) -> ctx.buy(s, 2), Order.buy(S, 2)),
            new Pair((ctx, s) -> ctx.sell(s, 3), Order.sell(S, 3)),
            new Pair((ctx, s) -> ctx.buyValue(s, 40), Order.buyValue(S, 40)),
            new Pair((ctx, s) -> ctx.sellValue(s, 50), Order.sellValue(S, 50)),
            new Pair((ctx, s) -> ctx.targetWeight(s, 0.5), Order.targetWeight(S, 0.5)),
            new Pair((ctx, s) -> ctx.closePosition(s), Order.close(S)),
            new Pair((ctx, s) -> ctx.buyLimit(s, 1, 9.5), Order.buyLimit(S, 1, 9.5)),
            new Pair((ctx, s) -> ctx.sellLimit(s, 1, 14.5), Order.sellLimit(S, 1, 14.5)),
            new Pair((ctx, s) -> ctx.buyStop(s, 1, 13.5), Order.buyStop(S, 1, 13.5)),
            new Pair((ctx, s) -> ctx.sellStop(s, 1, 9.25), Order.sellStop(S, 1, 9.25)),
            // Refused at once, with the same event either way.
            new Pair((ctx, s) -> ctx.buy(s, -1), Order.buy(S, -1)),
            new Pair((ctx, s) -> ctx.buyValue("ETH-USD", 5), Order.buyValue("ETH-USD", 5)));

    private record Pair(BiFunction<StrategyContext, String, Order> method, Order factory) {
    }

    @Test
    void eachOrderMethodPlacesTheOrderThatSubmitOfItsFactoryPlaces() {
        Scripted viaMethods = new Scripted();
        Scripted viaSubmit = new Scripted();
        List<Order> returned = new ArrayList<>();
        for (Pair p : METHODS) {
            viaMethods.at(0, ctx -> returned.add(p.method().apply(ctx, S)));
            viaSubmit.at(0, ctx -> ctx.submit(p.factory()));
        }
        BacktestResult methods = run(viaMethods);
        BacktestResult submitted = run(viaSubmit);

        assertThat(methods.orders()).hasSize(METHODS.size()).isEqualTo(submitted.orders()).isEqualTo(returned);
        assertThat(methods.events()).isEqualTo(submitted.events());
        assertThat(methods.fills()).isEqualTo(submitted.fills());
        for (int k = 0; k < METHODS.size(); k++) {
            assertThat(methods.orders().get(k)).isEqualTo(METHODS.get(k).factory().placed(k + 1, BARS.timeMillis(0)));
        }
    }

    @Test
    void aRegimeClassifierStillCannotPlaceOrdersThroughTheOrderMethods() {
        RegimeClassifier trading = new RegimeClassifier() {
            @Override
            public List<String> labels() {
                return List.of("any");
            }

            @Override
            public int classify(StrategyContext ctx) {
                ctx.buyValue(S, 10);
                return 0;
            }
        };
        Backtest backtest = Backtest.builder(MarketData.of(BARS)).strategy(Scripted::new).regime(() -> trading)
                .initialCash(100).build();

        assertThatThrownBy(backtest::run).hasMessageContaining("a regime classifier cannot place orders")
                .hasMessageContaining("buy");
    }

    private static BacktestResult run(Scripted strategy) {
        return Backtest.builder(MarketData.of(BARS)).strategy(() -> strategy).initialCash(100).build().run();
    }
}

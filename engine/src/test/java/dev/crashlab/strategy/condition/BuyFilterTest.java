package dev.crashlab.strategy.condition;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.data.MarketData;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A filter built from a condition holds back the wrapped strategy's buys while it is false. */
class BuyFilterTest {

    /** Buys for 100 at every step and sells 0.1 units at steps 2 and 3. */
    private static final class Dca implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            ctx.buyValue("BTC-USD", 100);
            if (ctx.step() == 2 || ctx.step() == 3) {
                ctx.sell("BTC-USD", 0.1);
            }
        }
    }

    /** Lets buys through only while the close is at least 10, the trend this test stands for. */
    private static final class AboveTen extends BuyFilter {
        AboveTen(Strategy wrapped, boolean defer) {
            super(wrapped, defer);
        }

        @Override
        protected Condition buysAllowed(StrategyContext ctx) {
            return Signal.close("BTC-USD").atLeast(10);
        }

        @Override
        protected double heldBackValue(StrategyContext ctx) {
            return Signal.close("BTC-USD").value(ctx);
        }
    }

    private static BacktestResult run(boolean defer) {
        var btc = closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), 12, 9, 8, 11, 12);
        return Backtest.builder(MarketData.of(btc)).initialCash(1_000).strategy(() -> new AboveTen(new Dca(), defer)).build().run();
    }

    private static String described(Order o) {
        return o.submittedAt().toString().substring(0, 10) + " " + o;
    }

    @Test
    void holdsBackBuysWhileTheConditionIsFalseAndLetsSellsThrough() {
        BacktestResult r = run(false);

        assertThat(r.orders()).extracting(BuyFilterTest::described).containsExactly(
                "2024-01-01 Order(#1, market buy BTC-USD for 100.0)",
                "2024-01-03 Order(#2, market sell 0.1 BTC-USD)",
                "2024-01-04 Order(#3, market buy BTC-USD for 100.0)",
                "2024-01-04 Order(#4, market sell 0.1 BTC-USD)",
                "2024-01-05 Order(#5, market buy BTC-USD for 100.0)");
        assertThat(r.events()).filteredOn(e -> e.kind() == Event.Kind.HELD_BACK)
                .extracting(e -> e.time().toString().substring(0, 10) + " " + e.message() + " " + e.value())
                .containsExactly("2024-01-02 Order(market buy BTC-USD for 100.0) held back 9.0",
                        "2024-01-03 Order(market buy BTC-USD for 100.0) held back 8.0");
        assertThat(new AboveTen(new Dca(), false).name()).isEqualTo("AboveTen(Dca)");
    }

    @Test
    void defersTheHeldBackCashToTheFirstStepThatAllowsBuysBeforeTheWrappedStrategyDecides() {
        BacktestResult r = run(true);

        assertThat(r.orders()).extracting(BuyFilterTest::described).containsExactly(
                "2024-01-01 Order(#1, market buy BTC-USD for 100.0)",
                "2024-01-03 Order(#2, market sell 0.1 BTC-USD)",
                "2024-01-04 Order(#3, market buy BTC-USD for 200.0, deferred)",
                "2024-01-04 Order(#4, market buy BTC-USD for 100.0)",
                "2024-01-04 Order(#5, market sell 0.1 BTC-USD)",
                "2024-01-05 Order(#6, market buy BTC-USD for 100.0)");
    }
}

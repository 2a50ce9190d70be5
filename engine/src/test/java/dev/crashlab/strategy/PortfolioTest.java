package dev.crashlab.strategy;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.equity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.data.MarketData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default methods of the portfolio a strategy reads, and the symbols it reads them by. */
class PortfolioTest {

    @Test
    void hasOpenOrderIsTrueOnlyForASymbolWithAnOrderStillWaiting() {
        // 2024-01-05 is a Friday: an order for QQQ placed on Saturday waits until Monday's open.
        var btc = closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 5), 40, 41, 42, 43);
        var qqq = closes(equity("QQQ"), LocalDate.of(2024, 1, 5), 100, 101);
        List<String> seen = new ArrayList<>();
        Backtest.builder(MarketData.of(btc, qqq)).initialCash(1_000).strategy(() -> ctx -> {
            if (ctx.step() == 1) {
                ctx.buy("QQQ", 1);
            }
            seen.add(ctx.date() + " QQQ " + ctx.portfolio().hasOpenOrder("QQQ") + " BTC "
                    + ctx.portfolio().hasOpenOrder("BTC-USD"));
        }).build().run();

        assertThat(seen).containsExactly(
                "2024-01-05 QQQ false BTC false",
                "2024-01-06 QQQ true BTC false",
                "2024-01-07 QQQ true BTC false",
                "2024-01-08 QQQ false BTC false");
    }

    @Test
    void openOrdersIsAReadOnlyListThatAnswersContainsNullWithOrWithoutOrders() {
        var btc = closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 5), 40, 41, 42);
        List<String> seen = new ArrayList<>();
        Backtest.builder(MarketData.of(btc)).initialCash(1_000).strategy(() -> ctx -> {
            if (ctx.step() == 1) {
                ctx.buy("BTC-USD", 1);
            }
            List<Order> open = ctx.portfolio().openOrders();
            boolean readOnly;
            try {
                open.add(null);
                readOnly = false;
            } catch (UnsupportedOperationException e) {
                readOnly = true;
            }
            seen.add(open.size() + " " + open.contains(null) + " " + readOnly);
        }).build().run();

        assertThat(seen).containsExactly("0 false true", "1 false true", "0 false true");
    }

    @Test
    void symbolsComeBackAsTheStringsTheStrategyWroteSoComparingThemWithAStringHolds() {
        var btc = closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 5), 40, 41, 42, 43);
        var qqq = closes(equity("QQQ"), LocalDate.of(2024, 1, 5), 100, 101);
        List<String> seen = new ArrayList<>();
        Backtest.builder(MarketData.of(btc, qqq)).initialCash(1_000).strategy(() -> ctx -> {
            if (ctx.step() == 0) {
                seen.add("universe " + ctx.symbols() + " " + ctx.bars("QQQ").symbol().equals("QQQ"));
                Order placed = ctx.buy("BTC-USD", 1);
                seen.add("order " + placed.symbol().equals("BTC-USD")
                        + " " + ctx.portfolio().openOrders().getFirst().symbol().equals("BTC-USD"));
            }
            if (ctx.step() == 1) {
                Position held = ctx.portfolio().positions().getFirst();
                seen.add("position " + held.symbol().equals("BTC-USD") + " " + ctx.portfolio().position("BTC-USD").equals(held));
            }
        }).build().run();

        assertThat(seen).containsExactly("universe [BTC-USD, QQQ] true", "order true true", "position true true");
    }
}

package dev.crashlab.strategy.condition;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** Signals read at the current step, and the crossings of one signal over another. */
class SignalTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    /** Daily flows dated 1..5 January, each published the next day at 00:00 UTC. */
    private static final NonPriceSeries FLOWS = NonPriceSeries.of("etf_flows", PublicationRule.NEXT_DAY_UTC,
            new LocalDate[] {JAN_1, JAN_1.plusDays(1), JAN_1.plusDays(2), JAN_1.plusDays(3), JAN_1.plusDays(4)},
            new double[] {-5, 3, 4, -10, 2});

    /** Returns what {@code read} gives at each step over the closes, asked where {@code asked} accepts. */
    private static List<String> read(double[] prices, Function<StrategyContext, Function<StrategyContext, String>> build,
            IntPredicate asked) {
        List<String> seen = new ArrayList<>();
        var btc = closes(crypto("BTC-USD"), JAN_1, prices);
        Backtest.builder(MarketData.builder().add(btc).add(FLOWS).build()).initialCash(1_000).strategy(() -> new Strategy() {
            private Function<StrategyContext, String> reader;

            @Override
            public void init(StrategyContext ctx) {
                reader = build.apply(ctx);
            }

            @Override
            public void onBar(StrategyContext ctx) {
                seen.add(asked.test(ctx.step()) ? reader.apply(ctx) : "-");
            }
        }).build().run();
        return seen;
    }

    private static List<String> truth(double[] prices, Function<StrategyContext, Condition> build, IntPredicate asked) {
        return read(prices, ctx -> {
            Condition c = build.apply(ctx);
            return x -> c.isTrue(x) ? "T" : "F";
        }, asked);
    }

    @Test
    void readsPublishedValuesOnlyFromTheDayAfterTheirDate() {
        double[] sixDays = {1, 1, 1, 1, 1, 1};

        assertThat(read(sixDays, ctx -> x -> String.valueOf(Signal.latest("etf_flows").value(x)), s -> true))
                .containsExactly("NaN", "-5.0", "3.0", "4.0", "-10.0", "2.0");
        assertThat(read(sixDays, ctx -> x -> String.valueOf(Signal.sumOverDays("etf_flows", 2).value(x)), s -> true))
                .containsExactly("0.0", "-5.0", "-2.0", "7.0", "-6.0", "-8.0");
    }

    @Test
    void readsAFastIndicatorAndACloseAtTheCurrentBar() {
        double[] prices = {10, 20, 30, 40};

        assertThat(read(prices, ctx -> {
            Signal sma = Signal.of(ctx.indicators("BTC-USD").sma(2));
            return x -> sma.value(x) + " " + Signal.close("BTC-USD").value(x);
        }, s -> true)).containsExactly("NaN 10.0", "15.0 20.0", "25.0 30.0", "35.0 40.0");
    }

    @Test
    void crossesWhenStrictlyBeyondNowAndAtOrShortOfItAtThePreviousStep() {
        double[] prices = {10, 11, 12, 11, 12, 12, 9};
        Signal close = Signal.close("BTC-USD");

        assertThat(truth(prices, ctx -> close.crossedAbove(11), s -> true)).containsExactly("F", "F", "T", "F", "T", "F", "F");
        assertThat(truth(prices, ctx -> close.crossedBelow(11), s -> true)).containsExactly("F", "F", "F", "F", "F", "F", "T");
        assertThat(truth(prices, ctx -> close.crossedBelow(12), s -> true)).containsExactly("F", "F", "F", "T", "F", "F", "T");
    }

    @Test
    void crossesAnotherSignalAsFastIndicatorsDo() {
        double[] prices = {10, 12, 8, 9, 14, 15};

        assertThat(truth(prices, ctx -> {
            var indicators = ctx.indicators("BTC-USD");
            return Signal.of(indicators.sma(1)).crossedAbove(Signal.of(indicators.sma(2)));
        }, s -> true)).containsExactly("F", "F", "F", "T", "F", "F");
    }

    @Test
    void doesNotReportACrossingOverAStepItWasNotAskedAt() {
        double[] prices = {10, 11, 12, 11, 12, 12, 9};

        assertThat(truth(prices, ctx -> Signal.close("BTC-USD").crossedAbove(11), s -> s != 3))
                .containsExactly("F", "F", "T", "-", "F", "F", "F");
    }
}

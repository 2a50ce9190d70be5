package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.closes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What a strategy records with {@code ctx.track} and {@code ctx.warn}, and what it may not. */
class TrackingTest {

    private static final OhlcvSeries BARS = closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), 10, 11, 12, 13, 14);

    private static BacktestResult run(Strategy strategy) {
        return Backtest.builder(MarketData.of(BARS)).strategy(() -> strategy).initialCash(1_000).build().run();
    }

    @Test
    void aTrackedFigureHoldsTheLastValueOfEachStepAndNaNWhereNothingWasRecorded() {
        BacktestResult r = run(new Scripted()
                .at(1, ctx -> ctx.track("close", ctx.bars("BTC-USD").close()))
                .at(3, ctx -> ctx.track("close", -1))
                .at(3, ctx -> ctx.track("close", ctx.bars("BTC-USD").close()))
                .at(2, ctx -> ctx.track("rising", true))
                .at(4, ctx -> ctx.track("rising", false)));

        assertThat(r.tracked()).extracting(Tracked::name).containsExactly("close", "rising");
        assertThat(r.tracked().getFirst().state()).isFalse();
        assertThat(r.tracked().getFirst().values()).containsExactly(Double.NaN, 11, Double.NaN, 13, Double.NaN);
        assertThat(r.tracked().getLast().state()).isTrue();
        assertThat(r.tracked().getLast().values()).containsExactly(Double.NaN, Double.NaN, 1, Double.NaN, 0);
    }

    @Test
    void aWarningGivenAtEveryStepIsKeptOnce() {
        BacktestResult r = run(new Scripted().at(1, ctx -> ctx.warn("gate closed: no flows"))
                .at(2, ctx -> ctx.warn("gate closed: no flows")).at(2, ctx -> ctx.warn("another")));

        assertThat(r.warnings()).containsExactly("gate closed: no flows", "another");
    }

    @Test
    void aNameIsEitherAFigureOrAState() {
        Scripted both = new Scripted().at(1, ctx -> ctx.track("gate", 1.0)).at(2, ctx -> ctx.track("gate", true));

        assertThatThrownBy(() -> run(both)).hasMessageContaining("track(\"gate\")")
                .hasMessageContaining("a name is either a figure");
    }

    @Test
    void trackingInInitIsRefusedBecauseValuesBelongToSteps() {
        Strategy early = new Strategy() {
            @Override
            public void init(StrategyContext ctx) {
                ctx.track("x", 1);
            }

            @Override
            public void onBar(StrategyContext ctx) {
            }
        };

        assertThatThrownBy(() -> run(early)).hasMessageContaining("track(\"x\") in init");
    }

    @Test
    void blankNamesAndMessagesAreRefused() {
        assertThatThrownBy(() -> run(new Scripted().at(0, ctx -> ctx.track(" ", 1)))).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> run(new Scripted().at(0, ctx -> ctx.warn("")))).hasMessageContaining("needs a message");
    }
}

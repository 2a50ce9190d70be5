package dev.crashlab.strategy.condition;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.data.MarketData;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** Conditions combined and held over steps, asked step by step on a tiny inline series. */
class ConditionTest {

    /** BTC closes, one a day from 2024-01-01: above 11 at steps 1, 3, 4, 5 and 7. */
    private static final double[] CLOSES = {10, 12, 9, 15, 15, 16, 11, 13};

    /**
     * Returns, per step, whether the condition built in {@code init} holds, asked at the steps
     * {@code asked} accepts ("-" where it was not asked).
     */
    private static String answers(Function<StrategyContext, Condition> build, IntPredicate asked) {
        List<String> seen = new ArrayList<>();
        var btc = closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), CLOSES);
        Backtest.builder(MarketData.of(btc)).initialCash(1_000).strategy(() -> new dev.crashlab.strategy.Strategy() {
            private Condition condition;

            @Override
            public void init(StrategyContext ctx) {
                condition = build.apply(ctx);
            }

            @Override
            public void onBar(StrategyContext ctx) {
                seen.add(asked.test(ctx.step()) ? (condition.isTrue(ctx) ? "T" : "F") : "-");
            }
        }).build().run();
        return String.join("", seen);
    }

    private static String answers(Function<StrategyContext, Condition> build) {
        return answers(build, step -> true);
    }

    private static final Signal CLOSE = Signal.close("BTC-USD");

    @Test
    void comparesASignalWithALevel() {
        assertThat(answers(ctx -> CLOSE.above(11))).isEqualTo("FTFTTTFT");
        assertThat(answers(ctx -> CLOSE.atLeast(11))).isEqualTo("FTFTTTTT");
        assertThat(answers(ctx -> CLOSE.below(11))).isEqualTo("TFTFFFFF");
        assertThat(answers(ctx -> CLOSE.atMost(11))).isEqualTo("TFTFFFTF");
    }

    @Test
    void combinesWithAndOrAndNot() {
        Condition high = CLOSE.above(14);
        Condition low = CLOSE.below(10);
        assertThat(answers(ctx -> CLOSE.above(11).and(CLOSE.below(16)))).isEqualTo("FTFTTFFT");
        assertThat(answers(ctx -> high.or(low))).isEqualTo("FFTTTTFF");
        assertThat(answers(ctx -> high.negate())).isEqualTo("TTTFFFTT");
        assertThat(answers(ctx -> Condition.not(high.or(low)))).isEqualTo("TTFFFFTT");
    }

    @Test
    void countsHowManyOfSeveralHoldAndAsksThemAll() {
        // above 11: FTFTTTFT; below 16: TTTTTFTT; above 12: FFFTTTFT.
        List<Condition> three = List.of(CLOSE.above(11), CLOSE.below(16), CLOSE.above(12));
        assertThat(answers(ctx -> Condition.allOf(three))).isEqualTo("FFFTTFFT");
        assertThat(answers(ctx -> Condition.atLeast(2, three))).isEqualTo("FTFTTTFT");
        assertThat(answers(ctx -> Condition.atLeast(1, three))).isEqualTo("TTTTTTTT");
        assertThat(answers(ctx -> Condition.atLeast(0, List.of()))).isEqualTo("TTTTTTTT");
        // A remembering member keeps its memory although the count is decided before it is asked.
        assertThat(answers(ctx -> Condition.atLeast(1, List.of(CLOSE.below(16), CLOSE.above(11).forSteps(2)))
                .and(CLOSE.above(14)))).isEqualTo("FFFTTTFF");
        assertThat(answers(ctx -> Condition.atLeast(2, List.of(CLOSE.above(11).forSteps(2), CLOSE.above(14)))))
                .isEqualTo("FFFFTTFF");
        assertThatThrownBy(() -> Condition.atLeast(4, three)).hasMessage("k must be in [0, 3] (the number of conditions), got 4");
    }

    @Test
    void holdsForStepsOnlyAfterThatManyStepsInARow() {
        assertThat(answers(ctx -> CLOSE.above(11).forSteps(1))).isEqualTo("FTFTTTFT");
        assertThat(answers(ctx -> CLOSE.above(11).forSteps(2))).isEqualTo("FFFFTTFF");
        assertThat(answers(ctx -> CLOSE.above(11).forSteps(3))).isEqualTo("FFFFFTFF");
    }

    @Test
    void holdsForDaysCountingTodayOnDailySteps() {
        assertThat(answers(ctx -> CLOSE.above(11).forDays(1))).isEqualTo("FTFTTTFT");
        assertThat(answers(ctx -> CLOSE.above(11).forDays(3))).isEqualTo("FFFFFTFF");
    }

    @Test
    void aStepNotAskedBreaksTheRunSoNothingUnseenIsReported() {
        // Asked at every step but step 4: the run of steps 3..5 is not seen whole.
        assertThat(answers(ctx -> CLOSE.above(11).forSteps(2), step -> step != 4)).isEqualTo("FFFF-FFF");
    }

    @Test
    void andAndOrAskBothSidesSoAHeldConditionBehindThemSeesEveryStep() {
        Condition never = CLOSE.above(1_000);
        Condition always = CLOSE.above(0);
        List<String> seen = new ArrayList<>();
        answers(ctx -> {
            Condition run = CLOSE.above(11).forSteps(2);
            Condition behindAnd = never.and(run);
            Condition behindOr = always.or(run);
            // The run is asked only through the combinations, except at step 5, where it is read alone.
            return x -> {
                boolean combined = behindAnd.isTrue(x) | behindOr.isTrue(x);
                if (x.step() == 5) {
                    seen.add("run " + run.isTrue(x));
                }
                return combined;
            };
        });

        assertThat(seen).containsExactly("run true");
    }

    @Test
    void refusesARunOfNoStep() {
        assertThatThrownBy(() -> CLOSE.above(1).forSteps(0)).hasMessage("steps must be at least 1, got 0");
        assertThatThrownBy(() -> CLOSE.above(1).forDays(0)).hasMessage("days must be at least 1, got 0");
    }
}

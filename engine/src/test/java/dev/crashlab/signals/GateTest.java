package dev.crashlab.signals;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.data.MarketData;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A gate's counting, holding and missing-data rules on scripted signals, one value per daily step. */
class GateTest {

    /** A signal reading its value from {@code values} at the step (NaN: no data, with a reason). */
    private static DataSignal scripted(String name, double... values) {
        return new DataSignal() {
            @Override
            public double value(StrategyContext ctx) {
                return values[ctx.step()];
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String unavailable(StrategyContext ctx) {
                return Double.isNaN(values[ctx.step()]) ? name + ": nothing at " + ctx.date() : null;
            }
        };
    }

    private static final double N = Double.NaN;
    private static final DataSignal A = scripted("a", 1, 1, 0, 1, 1, 1, N, N, 1, 1);
    private static final DataSignal B = scripted("b", 0, 1, 1, 1, 0, 1, 1, N, 1, 0);

    /** Returns the gate's answer per step ("T"/"F") and the run, for the gate {@code shape} makes of checks a >= 1 and b >= 1. */
    private static String answers(UnaryOperator<Gate> shape, List<String> warnings) {
        List<String> seen = new ArrayList<>();
        double[] prices = new double[10];
        Arrays.fill(prices, 10);
        Gate gate = shape.apply(Gate.named("g").check("a", A, Gate.Comparison.AT_LEAST, 1)
                .check("b", B, Gate.Comparison.AT_LEAST, 1));
        BacktestResult r = Backtest.builder(MarketData.of(closes(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), prices)))
                .initialCash(100).strategy(() -> new Strategy() {
                    @Override
                    public void onBar(StrategyContext ctx) {
                        seen.add(gate.isTrue(ctx) ? "T" : "F");
                    }
                }).build().run();
        warnings.addAll(r.warnings());
        return String.join("", seen);
    }

    @Test
    void allChecksOrKOfThemMustHold() {
        List<String> warnings = new ArrayList<>();
        assertThat(answers(g -> g, warnings)).isEqualTo("FTFTFTFFTF");
        assertThat(answers(g -> g.need(1), new ArrayList<>())).isEqualTo("TTTTTTTFTT");
        assertThat(warnings).containsExactly(
                "gate g: check \"a\" has no data from 2024-01-07 (a: nothing at 2024-01-07); counted as not holding (onMissing: closed)",
                "gate g: check \"b\" has no data from 2024-01-08 (b: nothing at 2024-01-08); counted as not holding (onMissing: closed)");
    }

    @Test
    void missingChecksLeftOutLetTheOthersDecideButNoDataAtAllIsClosed() {
        List<String> warnings = new ArrayList<>();
        assertThat(answers(g -> g.onMissing(Gate.OnMissing.IGNORE), warnings)).isEqualTo("FTFTFTTFTF");
        assertThat(warnings).allMatch(w -> w.endsWith("counted as left out (onMissing: ignore)")).hasSize(2);
    }

    @Test
    void opensOnlyAfterHoldingForTheGivenDays() {
        // need 1 holds at every step but the 8th (index 7): after that break it needs 2 days again.
        assertThat(answers(g -> g.need(1).forDays(2), new ArrayList<>())).isEqualTo("FTTTTTTFFT");
    }

    @Test
    void aGateNeedingMoreChecksThanItHasIsRefused() {
        assertThatThrownBy(() -> answers(g -> g.need(3), new ArrayList<>())).hasMessageContaining("needs 3 checks to hold but has 2");
        assertThatThrownBy(() -> Gate.named(" ")).hasMessage("a gate needs a name");
        assertThatThrownBy(() -> Gate.named("g").forDays(0)).hasMessage("forDays must be at least 1, got 0");
    }
}

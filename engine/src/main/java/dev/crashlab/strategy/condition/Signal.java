package dev.crashlab.strategy.condition;

import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.StrategyContext;
import java.util.Objects;

/**
 * A signal is a number a strategy reads at the current step: a fast indicator's value, a close,
 * a published series' latest value or trailing sum, or any lambda over the context
 * ({@code ctx -> ctx.series("etf_flows").negativeStreak()}). Comparing it gives a
 * {@link Condition}. NaN (an indicator warming up, a series not yet published) compares false,
 * so a condition on it does not hold.
 */
@FunctionalInterface
public interface Signal {

    /** Returns the signal's value at the context's current step. */
    double value(StrategyContext ctx);

    /** Returns the value of {@code indicator} at its instrument's current bar; create it in {@code init}. */
    static Signal of(FastIndicator indicator) {
        Objects.requireNonNull(indicator, "indicator");
        return ctx -> indicator.value();
    }

    /** Returns the close of {@code symbol}'s current bar, NaN before its first bar. */
    static Signal close(String symbol) {
        return ctx -> {
            Bars bars = ctx.bars(symbol);
            return bars.isEmpty() ? Double.NaN : bars.close();
        };
    }

    /** Returns the latest published value of the series {@code name}, NaN before the first. */
    static Signal latest(String name) {
        return ctx -> ctx.series(name).latest();
    }

    /**
     * Returns the sum of the values of series {@code name} dated within the {@code days}
     * calendar days before the step's date and published by now ({@code PublishedSeries.sumOverDays}).
     */
    static Signal sumOverDays(String name, int days) {
        return ctx -> ctx.series(name).sumOverDays(ctx.date(), days);
    }

    /** Returns a condition that holds while this signal is above {@code level}. */
    default Condition above(double level) {
        return ctx -> value(ctx) > level;
    }

    /** Returns a condition that holds while this signal is below {@code level}. */
    default Condition below(double level) {
        return ctx -> value(ctx) < level;
    }

    /** Returns a condition that holds while this signal is at or above {@code level}. */
    default Condition atLeast(double level) {
        return ctx -> value(ctx) >= level;
    }

    /** Returns a condition that holds while this signal is at or below {@code level}. */
    default Condition atMost(double level) {
        return ctx -> value(ctx) <= level;
    }

    /** Returns a condition that holds while this signal is above {@code other}. */
    default Condition above(Signal other) {
        Objects.requireNonNull(other, "other");
        return ctx -> value(ctx) > other.value(ctx);
    }

    /** Returns a condition that holds while this signal is below {@code other}. */
    default Condition below(Signal other) {
        Objects.requireNonNull(other, "other");
        return ctx -> value(ctx) < other.value(ctx);
    }

    /**
     * Returns a condition that holds at the step where this signal crossed above {@code level}:
     * it is now strictly above, and at the previous step it was at or below. Ask it at every step.
     */
    default Condition crossedAbove(double level) {
        return new Crossing(this, ctx -> level, true);
    }

    /** Returns a condition that holds at the step where this signal crossed below {@code level}. Ask it at every step. */
    default Condition crossedBelow(double level) {
        return new Crossing(this, ctx -> level, false);
    }

    /** Returns a condition that holds at the step where this signal crossed above {@code other}. Ask it at every step. */
    default Condition crossedAbove(Signal other) {
        return new Crossing(this, other, true);
    }

    /** Returns a condition that holds at the step where this signal crossed below {@code other}. Ask it at every step. */
    default Condition crossedBelow(Signal other) {
        return new Crossing(this, other, false);
    }
}

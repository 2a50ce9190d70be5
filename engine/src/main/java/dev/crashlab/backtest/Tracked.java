package dev.crashlab.backtest;

import java.util.Objects;

/**
 * A figure or a state a strategy recorded with {@code ctx.track}: its value at each step of the
 * run, NaN at steps where nothing was recorded. A state holds 1 where it held and 0 where it did
 * not.
 *
 * @param name   the name the strategy gave it
 * @param state  whether it is a state (recorded as a boolean) rather than a figure
 * @param values one value per step of the run, in step order
 */
public record Tracked(String name, boolean state, double[] values) {

    public Tracked {
        Objects.requireNonNull(name, "name");
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Returns the value at step {@code s}. */
    public double value(int s) {
        return values[s];
    }

    /** Returns the number of steps. */
    public int size() {
        return values.length;
    }
}

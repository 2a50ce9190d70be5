package dev.crashlab.signals;

import dev.crashlab.strategy.StrategyContext;

/**
 * A data signal computed by one method that also explains a missing value, so that
 * {@link #value} and {@link #unavailable} cannot disagree.
 */
interface Explained extends DataSignal {

    /** Returns the value at the context's step, or NaN after noting why in {@code why} (which may be null). */
    double compute(StrategyContext ctx, Why why);

    @Override
    default double value(StrategyContext ctx) {
        return compute(ctx, null);
    }

    @Override
    default String unavailable(StrategyContext ctx) {
        Why why = new Why();
        if (!Double.isNaN(compute(ctx, why))) {
            return null;
        }
        return why.reason() != null ? why.reason() : name() + ": no value at " + ctx.date();
    }
}

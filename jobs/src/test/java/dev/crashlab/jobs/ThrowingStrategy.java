package dev.crashlab.jobs;

import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;

/** A user's strategy with a bug: it throws at its tenth step. */
public final class ThrowingStrategy implements Strategy {

    private int steps;

    @Override
    public void init(StrategyContext ctx) {
        // nothing to prepare
    }

    @Override
    public void onBar(StrategyContext ctx) {
        if (++steps == 10) {
            throw new IllegalStateException("no price for the rebalance");
        }
    }
}

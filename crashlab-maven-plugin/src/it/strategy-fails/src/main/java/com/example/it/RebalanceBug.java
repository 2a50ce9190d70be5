package com.example.it;

import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;

/** A user's strategy with a bug: at its tenth step it divides by a weight that is zero. */
public final class RebalanceBug implements Strategy {

    private int steps;

    @Override
    public void init(StrategyContext ctx) {
        // nothing to prepare
    }

    @Override
    public void onBar(StrategyContext ctx) {
        if (++steps == 10) {
            rebalance(0);
        }
    }

    private void rebalance(int weights) {
        System.out.println(100 / weights); // line 24: the line the error must name
    }
}

package dev.crashlab.benchmarks;

import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.strategy.Indicators;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;

/**
 * The SMA crossover of {@link SmaCross} as a crashlab strategy: two fast indicators declared in
 * {@code init}, read in {@code onBar}; all in with a target weight of 1, out with a close.
 * crashlab's indicators are NaN until their window is full, so the first crossing it can see is
 * at bar {@link SmaCross#FIRST_DECISION_BAR}.
 */
public final class CrashlabSmaCross implements Strategy {

    private final String symbol = RandomWalk.SYMBOL;
    private FastIndicator fast;
    private FastIndicator slow;

    @Override
    public void init(StrategyContext ctx) {
        Indicators indicators = ctx.indicators(symbol);
        fast = indicators.sma(SmaCross.FAST);
        slow = indicators.sma(SmaCross.SLOW);
    }

    @Override
    public void onBar(StrategyContext ctx) {
        if (fast.crossedAbove(slow)) {
            if (ctx.portfolio().quantity(symbol) == 0) {
                ctx.targetWeight(symbol, 1.0);
            }
        } else if (fast.crossedBelow(slow)) {
            if (ctx.portfolio().quantity(symbol) > 0) {
                ctx.closePosition(symbol);
            }
        }
    }
}

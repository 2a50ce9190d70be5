package dev.crashlab.benchmarks;

import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.strategy.Indicators;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;

/**
 * The SMA crossover of {@link SmaCross} as a crashlab strategy: two fast indicators declared in
 * {@code init}, read in {@code onBar}; all in with a target weight of 1 while flat, out with a
 * close while long. crashlab's averages are exact and its crossings look back past ties, as the
 * reference's.
 */
public final class CrashlabSmaCross implements Strategy {

    private final String symbol;
    private FastIndicator fast;
    private FastIndicator slow;

    /** Creates the crossover on {@code symbol}. */
    public CrashlabSmaCross(String symbol) {
        this.symbol = symbol;
    }

    @Override
    public void init(StrategyContext ctx) {
        Indicators indicators = ctx.indicators(symbol);
        fast = indicators.sma(SmaCross.FAST);
        slow = indicators.sma(SmaCross.SLOW);
    }

    @Override
    public void onBar(StrategyContext ctx) {
        // The position is read only on a crossing, about one bar in 25: reading it is a lookup
        // by symbol, which cost as much as both crossings together when done every bar.
        if (fast.crossedAbove(slow)) {
            if (ctx.portfolio().quantity(symbol) == 0) {
                ctx.targetWeight(symbol, 1.0);
            }
        } else if (fast.crossedBelow(slow) && ctx.portfolio().quantity(symbol) > 0) {
            ctx.closePosition(symbol);
        }
    }
}

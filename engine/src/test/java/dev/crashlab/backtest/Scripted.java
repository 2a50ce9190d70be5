package dev.crashlab.backtest;

import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A test strategy that runs a given action at given steps: the three-line strategies of backtesting.py's tests. */
final class Scripted implements Strategy {

    private final Map<Integer, Consumer<StrategyContext>> actions = new HashMap<>();

    /** Runs {@code action} during {@code onBar} of step {@code step}. */
    Scripted at(int step, Consumer<StrategyContext> action) {
        actions.merge(step, action, Consumer::andThen);
        return this;
    }

    @Override
    public void onBar(StrategyContext ctx) {
        Consumer<StrategyContext> action = actions.get(ctx.step());
        if (action != null) {
            action.accept(ctx);
        }
    }
}

package com.example.it;

import dev.crashlab.clock.Schedule;
import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.indicator.PriceField;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;

/** A user's own strategy: each Monday, buy for {@code amount} when the price is {@code threshold} below its 30-day high. */
@StrategyName
public final class WeeklyBuyer implements Strategy {

    /** Parameters: the dip below the 30-day high that buys, and the cash of each buy. */
    public record Params(@Range(min = 0, max = 1) double threshold, @Range(min = 0) double amount) {
        public static final Params DEFAULTS = new Params(0.0, 100);
    }

    private final Params params;
    private Schedule.Tracker mondays;
    private FastIndicator high;

    public WeeklyBuyer(Params params) {
        this.params = Parameters.check(params);
    }

    @Override
    public void init(StrategyContext ctx) {
        mondays = Schedule.WEEKLY.tracker(ctx.start());
        high = ctx.indicators("BTC-USD").rollingMax(30, PriceField.CLOSE);
    }

    @Override
    public void onBar(StrategyContext ctx) {
        if (mondays.due(ctx.timeMillis()) > 0 && ctx.bars("BTC-USD").close() <= (1 - params.threshold()) * high.value()) {
            ctx.buyValue("BTC-USD", Math.min(params.amount(), ctx.portfolio().cash()));
        }
    }
}

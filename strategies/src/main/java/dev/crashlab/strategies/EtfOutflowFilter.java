package dev.crashlab.strategies;

import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
import dev.crashlab.strategy.condition.BuyFilter;
import dev.crashlab.strategy.condition.Condition;
import dev.crashlab.strategy.condition.Signal;
import java.util.Locale;

/**
 * Wraps any strategy and holds back its buys while spot-bitcoin ETFs bleed: while the net flows
 * of the last {@code windowDays}, as published, sum below {@code threshold}, every buy the wrapped
 * strategy places comes back unplaced and is recorded as a {@link Event.Kind#HELD_BACK} event
 * whose value is that sum; sells, closes and covering a short pass. With policy {@code DEFER},
 * the cash the held-back buys would have spent is bought at the first step that allows buys again.
 *
 * <p>Exactly: a {@link BuyFilter} whose buys pass while
 * {@code Signal.sumOverDays(series, windowDays).atLeast(threshold)} holds. The flow sum at a step
 * dated T is the sum of the values dated T − windowDays .. T − 1 published by the step (days
 * without a value add nothing, so before the first value the sum is 0). The held-back event's
 * value is that sum; what counts as a buy and how deferred cash is kept and spent is
 * {@link BuyFilter}'s.
 */
@StrategyName
public final class EtfOutflowFilter extends BuyFilter {

    /** What happens to a held-back buy. */
    public enum Policy { SKIP, DEFER }

    /** The parameters of {@link EtfOutflowFilter}; strategies/README.md gives their meanings. */
    public record Params(String series, @Range(min = 1) int windowDays, double threshold, Policy policy) {
        public static final Params DEFAULTS = new Params("etf_flows", 7, 0, Policy.SKIP);
    }

    private final Params p;
    private final Signal flows;

    public EtfOutflowFilter(Strategy wrapped, Params params) {
        super(wrapped, Parameters.check(params).policy() == Policy.DEFER);
        this.p = params;
        this.flows = Signal.sumOverDays(p.series(), p.windowDays());
    }

    @Override
    protected Condition buysAllowed(StrategyContext ctx) {
        return flows.atLeast(p.threshold());
    }

    @Override
    protected String heldBackMessage(StrategyContext ctx, Order order) {
        return String.format(Locale.ROOT, "%s held back (%s): %d-day %s sum %.1f < %s", order,
                p.policy().name().toLowerCase(Locale.ROOT), p.windowDays(), p.series(), flows.value(ctx), p.threshold());
    }

    @Override
    protected double heldBackValue(StrategyContext ctx) {
        return flows.value(ctx);
    }
}

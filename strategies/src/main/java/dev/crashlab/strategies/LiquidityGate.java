package dev.crashlab.strategies;

import dev.crashlab.signals.Gate;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
import dev.crashlab.strategy.condition.BuyFilter;
import dev.crashlab.strategy.condition.Condition;

/**
 * Wraps any strategy and lets its buys through only while the liquidity gate is open: by default
 * once ETF outflows have stopped, whale selling is released and stablecoin supply grows again
 * ({@link LiquidityChecks} lists every check and its defaults). While the gate is closed, buys
 * come back unplaced and are recorded as held-back events; with policy {@code DEFER} their cash
 * is bought at the first step the gate is open again, in one order per symbol. Sells, closes and
 * covering a short always pass.
 *
 * <p>Exactly: a {@link BuyFilter} whose condition is {@link LiquidityChecks#gate}; what counts as
 * a buy and how deferred cash is kept is {@link BuyFilter}'s, the gate's rules are {@link Gate}'s.
 */
@StrategyName
public final class LiquidityGate extends BuyFilter {

    /** The parameters of {@link LiquidityGate}: the gate's checks and what happens to a held-back buy. */
    public record Params(LiquidityChecks checks, EtfOutflowFilter.Policy policy) {
        public static final Params DEFAULTS = new Params(LiquidityChecks.DEFAULTS, EtfOutflowFilter.Policy.DEFER);
    }

    private final Params p;
    private Gate gate;

    public LiquidityGate(Strategy wrapped, Params params) {
        super(wrapped, Parameters.check(params).policy() == EtfOutflowFilter.Policy.DEFER);
        this.p = params;
    }

    @Override
    protected Condition buysAllowed(StrategyContext ctx) {
        gate = p.checks().gate("liquidity", ctx);
        return gate;
    }

    @Override
    protected String heldBackMessage(StrategyContext ctx, Order order) {
        return order + " held back: the liquidity gate is closed (" + gate + ")";
    }
}

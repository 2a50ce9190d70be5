package dev.crashlab.strategies;

import dev.crashlab.clock.Schedule;
import dev.crashlab.signals.Gate;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
import java.util.Locale;

/**
 * Dollar-cost averaging that saves through a sell-off and buys once liquidity returns: every
 * period it spends {@code amount} on one instrument while the liquidity gate is open; while it is
 * closed the period's amount is saved instead, and once the gate opens again the savings are
 * deployed in {@code tranches} equal parts, one per period on top of the period's amount. It
 * never borrows and never sells. The gate is {@link LiquidityChecks}' (by default: ETF outflows
 * stopped, whale selling released, stablecoin supply growing).
 *
 * <p>Exactly: the gate is asked at every step. At the first step with a bar of {@code symbol} on
 * or after each point of {@code period} (from the backtest's start), with {@code due} periods
 * since the last such step and {@code budget = due × amount}:
 * <ul>
 *   <li>gate closed: {@code saved += budget}, recorded as a held-back event of value
 *       {@code budget}; the tranche is forgotten;</li>
 *   <li>gate open: when no tranche is set and {@code saved > 0}, {@code tranche = saved / tranches};
 *       it buys {@code min(budget + min(tranche, saved), cash)} with a cash-value market order
 *       (next bar's open), and {@code saved} falls by what that buys beyond {@code budget}.</li>
 * </ul>
 * It tracks the gate's state ({@code "liquidity gate open"}) and {@code "saved"} at every step.
 */
@StrategyName
public final class DcaWhenLiquidityReturns implements Strategy {

    /** The parameters of {@link DcaWhenLiquidityReturns}; strategies/README.md gives their meanings. */
    public record Params(String symbol, @Range(min = 0, minExcluded = true) double amount, Schedule period,
            @Range(min = 1) int tranches, LiquidityChecks checks) {
        public static final Params DEFAULTS = new Params("BTC-USD", 100, Schedule.WEEKLY, 4, LiquidityChecks.DEFAULTS);
    }

    private final Params p;
    private Schedule.Tracker timer;
    private Bars bars;
    private Gate gate;
    private int due;
    private double saved;
    private double tranche;

    public DcaWhenLiquidityReturns(Params params) {
        this.p = Parameters.check(params);
    }

    @Override
    public void init(StrategyContext ctx) {
        timer = p.period().tracker(ctx.start());
        bars = ctx.bars(p.symbol());
        gate = p.checks().gate("liquidity", ctx);
    }

    @Override
    public void onBar(StrategyContext ctx) {
        due += timer.due(ctx.timeMillis());
        boolean open = gate.isTrue(ctx);
        if (bars.isNew() && due > 0) {
            double budget = due * p.amount();
            if (!open) {
                saved += budget;
                tranche = 0;
                ctx.record(Event.Kind.HELD_BACK, p.symbol(), String.format(Locale.ROOT, "%.2f saved: the liquidity gate is closed", budget),
                        budget);
            } else {
                tranche = tranche == 0 ? saved / p.tranches() : tranche;
                double spend = Math.min(budget + Math.min(tranche, saved), ctx.portfolio().availableCash());
                saved -= Math.max(0, spend - budget);
                if (spend > 0) {
                    ctx.buyValue(p.symbol(), spend);
                }
            }
            due = 0;
        }
        ctx.track("liquidity gate open", open);
        ctx.track("saved", saved);
    }
}

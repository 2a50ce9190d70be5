package dev.crashlab.strategies;

import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.ForwardingContext;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wraps any strategy and holds back its buys while spot-bitcoin ETFs bleed: while the net flows
 * of the last {@code windowDays}, as published, sum below {@code threshold}, every buy the wrapped
 * strategy places comes back unplaced and is recorded as a {@link Event.Kind#HELD_BACK} event
 * whose value is that sum; sells, closes and covering a short pass. With policy {@code DEFER},
 * the cash the held-back buys would have spent is bought at the first step that allows buys again.
 *
 * <p>Exactly: the flow sum at a step dated T is {@code series.sumOverDays(T, windowDays)}, the
 * sum of the values dated T − windowDays .. T − 1 published by the step (days without a value
 * add nothing, so before the first value the sum is 0). A buy is a quantity or cash-value order
 * with side BUY while the position is not short, or a target-weight order above both the current
 * weight and 0. A deferred buy is remembered as cash per symbol: a cash-value order's amount, a
 * quantity order's units × the current close, a target-weight order's (target − current weight,
 * from 0 when short) × equity; it goes out as one cash-value market order per symbol, tagged
 * {@code deferred}.
 */
@StrategyName
public final class EtfOutflowFilter implements Strategy {

    /** What happens to a held-back buy. */
    public enum Policy { SKIP, DEFER }

    /** The parameters of {@link EtfOutflowFilter}; strategies/README.md gives their defaults and meanings. */
    public record Params(String series, @Range(min = 1) int windowDays, double threshold, Policy policy) {
        public Params {
            if (series == null || series.isBlank() || windowDays < 1 || policy == null || !Double.isFinite(threshold)) {
                throw new IllegalArgumentException("need a series name, windowDays >= 1, a finite threshold and a policy");
            }
        }

        public Params() {
            this("etf_flows", 7, 0, Policy.SKIP);
        }
    }

    private final Strategy wrapped;
    private final Params p;
    private final Map<String, Double> deferred = new TreeMap<>();
    private StrategyContext inner;

    public EtfOutflowFilter(Strategy wrapped, Params params) {
        this.wrapped = wrapped;
        this.p = params;
    }

    @Override
    public void init(StrategyContext ctx) {
        inner = new ForwardingContext(ctx) {
            @Override
            public Order submit(Order order) {
                double flows = flows(ctx);
                double cash = buyCash(ctx, order);
                if (flows >= p.threshold() || cash <= 0) {
                    return super.submit(order);
                }
                if (p.policy() == Policy.DEFER) {
                    // The wrapped strategy may size a buy from cash that earlier held-back buys left
                    // unspent, so the saved total can never exceed the cash there is.
                    double available = Math.max(0, ctx.portfolio().availableCash());
                    deferred.merge(order.symbol(), Math.min(cash, available), (a, b) -> Math.min(a + b, available));
                }
                ctx.record(Event.Kind.HELD_BACK, order.symbol(), String.format(Locale.ROOT, "%s held back (%s): %d-day %s"
                        + " sum %.1f < %s", order, p.policy().name().toLowerCase(Locale.ROOT), p.windowDays(), p.series(),
                        flows, p.threshold()), flows);
                return order;
            }
        };
        wrapped.init(inner);
    }

    @Override
    public void onBar(StrategyContext ctx) {
        if (!deferred.isEmpty() && flows(ctx) >= p.threshold()) {
            double available = Math.max(0, ctx.portfolio().availableCash());
            for (var saved : deferred.entrySet()) {
                double cash = Math.min(saved.getValue(), available);
                if (cash > 0) {
                    ctx.submit(Order.buyValue(saved.getKey(), cash).withTag("deferred"));
                    available -= cash;
                }
            }
            deferred.clear();
        }
        wrapped.onBar(inner);
    }

    @Override
    public String name() {
        return "EtfOutflowFilter(" + wrapped.name() + ")";
    }

    private double flows(StrategyContext ctx) {
        return ctx.series(p.series()).sumOverDays(ctx.date(), p.windowDays());
    }

    /** Returns the cash {@code order} would spend buying, or 0 when it is not a buy. */
    private static double buyCash(StrategyContext ctx, Order order) {
        double held = ctx.portfolio().quantity(order.symbol());
        return switch (order.sizing()) {
            case VALUE -> order.side() == Order.Side.BUY && held >= 0 ? order.amount() : 0;
            case QUANTITY -> order.side() == Order.Side.BUY && held >= 0 ? order.amount() * ctx.bars(order.symbol()).close() : 0;
            case TARGET_WEIGHT -> Math.max(0, order.amount() - Math.max(0, ctx.portfolio().weight(order.symbol())))
                    * ctx.portfolio().equity();
            case CLOSE -> 0;
        };
    }
}

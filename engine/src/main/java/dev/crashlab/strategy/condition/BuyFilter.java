package dev.crashlab.strategy.condition;

import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.ForwardingContext;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A buy filter wraps any strategy and holds back its buys while a condition is false: such a
 * buy comes back unplaced ({@link Order#isPlaced()} false) and is recorded as a
 * {@link Event.Kind#HELD_BACK} event; sells, closes and orders that cover a short pass. With
 * {@code defer}, the cash the held-back buys would have spent is remembered per symbol and
 * bought, with one cash-value market order per symbol tagged {@code deferred}, at the first step
 * the condition holds again, before the wrapped strategy decides. A subclass says when buys may
 * pass:
 *
 * <pre>{@code
 * public final class AboveTrend extends BuyFilter {
 *     public AboveTrend(Strategy wrapped) { super(wrapped, false); }
 *     @Override protected Condition buysAllowed(StrategyContext ctx) {
 *         return Signal.close("BTC-USD").above(Signal.of(ctx.indicators("BTC-USD").sma(200)));
 *     }
 * }
 * }</pre>
 *
 * <h2>Exactly</h2>
 * The condition is asked once per step, at the start of {@code onBar} (and at the first order
 * placed during {@code init}). A buy is a quantity or cash-value order with side BUY while the
 * position is not short, or a target-weight order above both the current weight and 0. A
 * deferred buy is remembered as cash: a cash-value order's amount, a quantity order's units × the
 * current close, a target-weight order's (target − current weight, from 0 when short) × equity,
 * capped at the cash available then, so the saved total never exceeds the cash there is; at the
 * step it goes out, it is capped again at the cash then available.
 *
 * <h2>What it records</h2>
 * At every step it tracks ({@code ctx.track}), under its class's simple name, the state
 * {@code "<Filter>: buys allowed"} and two figures in cash: {@code "<Filter>: held back"}, the
 * running total of the buys it held back (their cash as above, uncapped when dropped), and, with
 * {@code defer}, {@code "<Filter>: released"}, the running total of the deferred buys it placed.
 * The report shades the steps where buys were not allowed.
 */
public abstract class BuyFilter implements Strategy {

    private final Strategy wrapped;
    private final boolean defer;
    private final Map<String, Double> deferred = new TreeMap<>();
    private Condition buysAllowed;
    private StrategyContext inner;
    private double heldBack;
    private double released;

    /** Creates a filter around {@code wrapped} that drops held-back buys, or defers them when {@code defer}. */
    protected BuyFilter(Strategy wrapped, boolean defer) {
        this.wrapped = Objects.requireNonNull(wrapped, "wrapped");
        this.defer = defer;
    }

    /** Returns the condition under which buys pass; called once, in {@code init}, where indicators can be made. */
    protected abstract Condition buysAllowed(StrategyContext ctx);

    /** Returns the message of the event recorded for a held-back buy. */
    protected String heldBackMessage(StrategyContext ctx, Order order) {
        return order + " held back";
    }

    /** Returns the figure recorded with a held-back buy's event; NaN by default. */
    protected double heldBackValue(StrategyContext ctx) {
        return Double.NaN;
    }

    @Override
    public final void init(StrategyContext ctx) {
        Condition condition = Objects.requireNonNull(buysAllowed(ctx), "buysAllowed");
        buysAllowed = new Remembering() { // asked once per step, whoever asks first
            @Override
            protected boolean answer(StrategyContext at, boolean continued) {
                return condition.isTrue(at);
            }
        };
        inner = new ForwardingContext(ctx) {
            @Override
            public Order submit(Order order) {
                double cash = buyCash(ctx, order);
                if (buysAllowed.isTrue(ctx) || cash <= 0) {
                    return super.submit(order);
                }
                if (defer) {
                    double available = Math.max(0, ctx.portfolio().availableCash());
                    deferred.merge(order.symbol(), Math.min(cash, available), (a, b) -> Math.min(a + b, available));
                }
                heldBack += cash;
                ctx.record(Event.Kind.HELD_BACK, order.symbol(), heldBackMessage(ctx, order), heldBackValue(ctx));
                return order;
            }
        };
        wrapped.init(inner);
    }

    @Override
    public final void onBar(StrategyContext ctx) {
        boolean allowed = buysAllowed.isTrue(ctx);
        if (allowed && !deferred.isEmpty()) {
            double available = Math.max(0, ctx.portfolio().availableCash());
            for (var saved : deferred.entrySet()) {
                double cash = Math.min(saved.getValue(), available);
                if (cash > 0) {
                    ctx.submit(Order.buyValue(saved.getKey(), cash).withTag("deferred"));
                    available -= cash;
                    released += cash;
                }
            }
            deferred.clear();
        }
        wrapped.onBar(inner);
        String label = getClass().getSimpleName();
        ctx.track(label + ": buys allowed", allowed);
        ctx.track(label + ": held back", heldBack);
        if (defer) {
            ctx.track(label + ": released", released);
        }
    }

    /** Returns the filter's class name with the wrapped strategy's name: {@code EtfOutflowFilter(DcaOnDrawdown)}. */
    @Override
    public String name() {
        return getClass().getSimpleName() + "(" + wrapped.name() + ")";
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

package dev.crashlab.strategy;

/**
 * A strategy decides, bar by bar, what to trade. What a quant writes is small:
 *
 * <pre>{@code
 * public final class SmaCross implements Strategy {
 *     private FastIndicator fast;
 *     private FastIndicator slow;
 *
 *     @Override public void init(StrategyContext ctx) {
 *         fast = ctx.indicators("BTC-USD").sma(10);
 *         slow = ctx.indicators("BTC-USD").sma(30);
 *     }
 *
 *     @Override public void onBar(StrategyContext ctx) {
 *         if (fast.crossedAbove(slow)) ctx.targetWeight("BTC-USD", 1.0);
 *         if (fast.crossedBelow(slow)) ctx.closePosition("BTC-USD");
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #init} runs once, before the first step; {@link #onBar} runs at every step of the
 * clock, after the step's bars have closed. Orders placed in {@code onBar} fill at the next
 * bar's open of their instrument (or, in the optimistic close fill mode, at this bar's close).
 * The context reaches only the current bar and values already published, so a strategy cannot
 * look ahead however it is written.
 *
 * <p>Parameters go in a nested record whose components carry their rules ({@link Range},
 * {@link NonEmpty}, {@link AtMost}) and whose {@code static final DEFAULTS} holds the defaults; a
 * strategy with parameters has one public constructor, taking that record and passing it through
 * {@link Parameters#check}. Configs bind the record by name over {@code DEFAULTS} and name the
 * class by its full name or, with {@link StrategyName}, by a short one. A strategy that wraps
 * another (a filter, a leverage wrapper) takes the wrapped strategy as its first constructor
 * argument; see {@link ForwardingContext} and {@code condition.BuyFilter}.
 */
public interface Strategy {

    /** Prepares the strategy: declares indicators and reads what it needs from the context. */
    default void init(StrategyContext ctx) {
    }

    /** Decides at the close of the current step's bars; may place or cancel orders and record events. */
    void onBar(StrategyContext ctx);

    /** Returns the name shown in reports; the class's simple name unless overridden (its full name for an anonymous class). */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getName() : simple;
    }
}

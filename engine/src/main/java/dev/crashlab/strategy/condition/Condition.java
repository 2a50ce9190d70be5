package dev.crashlab.strategy.condition;

import dev.crashlab.strategy.StrategyContext;
import java.util.List;
import java.util.Objects;

/**
 * A condition is a yes-or-no question about the current step, asked through a strategy's
 * context: "is BTC at least 20 % below its high?", "have the published ETF flows of the last
 * week summed to zero or more for three days?". Conditions combine as ta4j's rules do:
 *
 * <pre>{@code
 * Condition dip = Signal.of(ctx.indicators("BTC-USD").drawdownFromHigh(365)).atMost(-0.2);
 * Condition flowsBack = Signal.sumOverDays("etf_flows", 7).atLeast(0).forDays(3);
 * Condition buy = dip.and(flowsBack);                 // in init
 * if (buy.isTrue(ctx)) ctx.buyValue("BTC-USD", 100);  // in onBar
 * }</pre>
 *
 * <p>A condition reads only what the context shows at the step it is asked, so it cannot look
 * ahead. The ones that remember earlier steps ({@link #forSteps}, {@link #forDays},
 * {@link Signal#crossedAbove}) must be asked at every step: keep them in a field and ask them in
 * every {@code onBar}. A step they were not asked at breaks their memory (a run starts again, a
 * crossing is not seen), so they never report what they did not observe. For the same reason
 * {@link #and} and {@link #or} ask both sides, whatever the first answers; asking a condition
 * twice in one step gives the same answer.
 */
@FunctionalInterface
public interface Condition {

    /** Returns whether the condition holds at the context's current step. */
    boolean isTrue(StrategyContext ctx);

    /** Returns a condition that holds when this one and {@code other} both hold; both are asked. */
    default Condition and(Condition other) {
        Objects.requireNonNull(other, "other");
        return ctx -> isTrue(ctx) & other.isTrue(ctx);
    }

    /** Returns a condition that holds when this one or {@code other} holds; both are asked. */
    default Condition or(Condition other) {
        Objects.requireNonNull(other, "other");
        return ctx -> isTrue(ctx) | other.isTrue(ctx);
    }

    /** Returns a condition that holds when this one does not. */
    default Condition negate() {
        return ctx -> !isTrue(ctx);
    }

    /** Returns a condition that holds when {@code condition} does not. */
    static Condition not(Condition condition) {
        return condition.negate();
    }

    /** Returns a condition that holds when every one of {@code conditions} holds (none: always); all are asked. */
    static Condition allOf(List<? extends Condition> conditions) {
        return atLeast(conditions.size(), conditions);
    }

    /**
     * Returns a condition that holds when at least {@code k} of {@code conditions} hold: "3 of 5
     * liquidity signals". All are asked at every step, whatever the count so far, so those that
     * remember keep their memory.
     */
    static Condition atLeast(int k, List<? extends Condition> conditions) {
        List<Condition> all = List.copyOf(conditions);
        if (k < 0 || k > all.size()) {
            throw new IllegalArgumentException("k must be in [0, " + all.size() + "] (the number of conditions), got " + k);
        }
        return ctx -> {
            int holding = 0;
            for (Condition c : all) {
                holding += c.isTrue(ctx) ? 1 : 0;
            }
            return holding >= k;
        };
    }

    /** Returns a condition that holds when this one has held at each of the last {@code steps} steps, this one included. */
    default Condition forSteps(int steps) {
        return new Held(this, steps, false);
    }

    /**
     * Returns a condition that holds when this one has held at every step since a step dated
     * (UTC) {@code days − 1} days before today or earlier: on daily steps, the last {@code days}
     * steps; on weekday steps, {@code forDays(3)} on a Monday needs Friday and Monday.
     */
    default Condition forDays(int days) {
        return new Held(this, days, true);
    }
}

package dev.crashlab.signals;

import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.condition.Signal;

/**
 * A data signal is a {@link Signal} over published series or prices that can say why it has no
 * value: {@link #value} is NaN exactly when {@link #unavailable} returns a reason, such as a
 * series that has not started, a last value older than the signal's maximum age, or a basket
 * member without a bar yet. A gate can then warn instead of silently holding back.
 *
 * <pre>{@code
 * DataSignal stopped = EtfFlows.of("etf_flows").outflowsStopped(3);
 * Condition buy = stopped.atLeast(1);                    // NaN compares false: no data, no buy
 * String why = stopped.unavailable(ctx);                 // null, or e.g.
 * // "etf_flows: last value dated 2024-01-10, older than the 5-day maximum age at 2024-01-20"
 * }</pre>
 */
public interface DataSignal extends Signal {

    /** Returns a short label naming the signal, its inputs and its windows, such as {@code etf.outflowsStopped(etf_flows, 3d)}. */
    String name();

    /**
     * Returns null when the signal has a value at the context's step, else one sentence saying
     * which series or instrument is missing or stale, and as of which date.
     */
    String unavailable(StrategyContext ctx);
}

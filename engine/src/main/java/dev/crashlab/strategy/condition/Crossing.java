package dev.crashlab.strategy.condition;

import dev.crashlab.strategy.StrategyContext;
import java.util.Objects;

/**
 * A condition that holds at the step where one signal crossed another: strictly beyond it now,
 * at or short of it at the previous step. A tie does not cross; neither does a step whose
 * previous step was not seen.
 */
final class Crossing extends Remembering {

    private final Signal signal;
    private final Signal other;
    private final boolean upwards;
    private double gap = Double.NaN;

    Crossing(Signal signal, Signal other, boolean upwards) {
        this.signal = Objects.requireNonNull(signal, "signal");
        this.other = Objects.requireNonNull(other, "other");
        this.upwards = upwards;
    }

    @Override
    protected boolean answer(StrategyContext ctx, boolean continued) {
        double before = continued ? gap : Double.NaN;
        gap = upwards ? signal.value(ctx) - other.value(ctx) : other.value(ctx) - signal.value(ctx);
        return gap > 0 && before <= 0;
    }
}

package dev.crashlab.strategy.condition;

import dev.crashlab.strategy.StrategyContext;
import java.util.Objects;

/**
 * A condition that holds at the step where one signal crossed another: strictly beyond it now,
 * at or short of it at the previous step. A tie does not cross; neither does a step whose
 * previous step was not seen.
 */
final class Crossing implements Condition {

    private final Signal signal;
    private final Signal other;
    private final boolean upwards;
    private int askedAt = Integer.MIN_VALUE;
    private double gap = Double.NaN;
    private boolean answer;

    Crossing(Signal signal, Signal other, boolean upwards) {
        this.signal = Objects.requireNonNull(signal, "signal");
        this.other = Objects.requireNonNull(other, "other");
        this.upwards = upwards;
    }

    @Override
    public boolean isTrue(StrategyContext ctx) {
        int step = ctx.step();
        if (step == askedAt) {
            return answer;
        }
        double before = askedAt == step - 1 ? gap : Double.NaN;
        gap = upwards ? signal.value(ctx) - other.value(ctx) : other.value(ctx) - signal.value(ctx);
        askedAt = step;
        answer = gap > 0 && before <= 0;
        return answer;
    }
}

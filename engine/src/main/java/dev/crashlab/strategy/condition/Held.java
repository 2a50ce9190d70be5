package dev.crashlab.strategy.condition;

import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import java.util.Objects;

/** A condition that holds once another has held without a break for a number of steps or days. */
final class Held extends Remembering {

    private final Condition condition;
    private final int length;
    private final boolean inDays;
    private int run;
    private LocalDate runStart;

    Held(Condition condition, int length, boolean inDays) {
        this.condition = Objects.requireNonNull(condition, "condition");
        if (length < 1) {
            throw new IllegalArgumentException((inDays ? "days" : "steps") + " must be at least 1, got " + length);
        }
        this.length = length;
        this.inDays = inDays;
    }

    @Override
    protected boolean answer(StrategyContext ctx, boolean continued) {
        boolean now = condition.isTrue(ctx);
        if (!now) {
            run = 0;
        } else if (run > 0 && continued) {
            run++;
        } else {
            run = 1; // a new run, or one whose earlier steps were not seen
            runStart = ctx.date();
        }
        return now && (inDays ? !runStart.isAfter(ctx.date().minusDays(length - 1)) : run >= length);
    }
}

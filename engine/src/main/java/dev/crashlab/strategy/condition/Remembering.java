package dev.crashlab.strategy.condition;

import dev.crashlab.strategy.StrategyContext;

/**
 * A condition whose answer depends on the steps before: it answers once per step (asking it
 * again in the same step gives the same answer) and is told whether it was asked at the previous
 * step, so that a step it missed breaks its memory instead of being made up.
 */
abstract class Remembering implements Condition {

    private int askedAt = Integer.MIN_VALUE;
    private boolean answer;

    @Override
    public final boolean isTrue(StrategyContext ctx) {
        int step = ctx.step();
        if (step != askedAt) {
            answer = answer(ctx, askedAt == step - 1);
            askedAt = step;
        }
        return answer;
    }

    /** Returns the answer at the context's step; {@code continued} is whether the previous step was asked. */
    protected abstract boolean answer(StrategyContext ctx, boolean continued);
}

package dev.crashlab.portfolio;

import dev.crashlab.clock.Schedule;
import java.util.Objects;

/**
 * Contributions are external cash flows on a schedule: money paid into the account (a positive
 * amount) or taken out (negative), at the first step on or after each point of the schedule,
 * counting from the backtest's first step (points before the first bar are not made up). They
 * are kept apart from performance: time-weighted returns treat each flow as arriving at the start
 * of its step.
 *
 * @param amount   cash per point of the schedule; negative for withdrawals; 0 for none
 * @param schedule when the flows arrive
 */
public record Contributions(double amount, Schedule schedule) {

    /** No external flows. */
    public static final Contributions NONE = new Contributions(0, Schedule.WEEKLY);

    public Contributions {
        Objects.requireNonNull(schedule, "schedule");
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("contribution amount must be finite, got " + amount);
        }
    }

    /** Returns contributions of {@code amount} on {@code schedule}. */
    public static Contributions every(Schedule schedule, double amount) {
        return new Contributions(amount, schedule);
    }

    /** Returns whether any cash flows at all. */
    public boolean isNone() {
        return amount == 0;
    }

    @Override
    public String toString() {
        return isNone() ? "none" : amount + " " + schedule.name().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.crashlab.clock;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;

/**
 * A schedule is a recurring point in time, in UTC: every day at 00:00, every Monday at 00:00
 * (weekly), or the 1st of every month at 00:00. Whatever is scheduled (a contribution, a DCA
 * purchase) happens at the first step of the clock on or after each point, so a weekly schedule
 * on an equity-only universe acts on Monday, or on Tuesday when Monday is a holiday. When no
 * step falls between two points, both act at the same step.
 */
public enum Schedule {
    /** Every day at 00:00 UTC. */
    DAILY,
    /** Every Monday at 00:00 UTC. */
    WEEKLY,
    /** The 1st of every month at 00:00 UTC. */
    MONTHLY;

    private static final long DAY_MILLIS = 86_400_000L;

    /** Returns the first point of this schedule at or after {@code time}. */
    public Instant firstPointAtOrAfter(Instant time) {
        LocalDate date = time.atZone(ZoneOffset.UTC).toLocalDate();
        boolean midnight = time.equals(date.atStartOfDay(ZoneOffset.UTC).toInstant());
        LocalDate candidate = switch (this) {
            case DAILY -> midnight ? date : date.plusDays(1);
            case WEEKLY -> date.getDayOfWeek() == DayOfWeek.MONDAY && midnight
                    ? date : date.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTHLY -> date.getDayOfMonth() == 1 && midnight
                    ? date : date.with(TemporalAdjusters.firstDayOfNextMonth());
        };
        return candidate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Returns the point after {@code point}. */
    public Instant next(Instant point) {
        LocalDate date = point.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate next = switch (this) {
            case DAILY -> date.plusDays(1);
            case WEEKLY -> date.plusWeeks(1);
            case MONTHLY -> date.plusMonths(1);
        };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Returns {@link #next} of the point {@code point}, in UTC epoch milliseconds: days and weeks by
     * arithmetic (UTC has no daylight saving, so a day is 86,400,000 ms), months by the calendar.
     */
    private long nextMillis(long point) {
        return switch (this) {
            case DAILY -> point + DAY_MILLIS;
            case WEEKLY -> point + 7 * DAY_MILLIS;
            case MONTHLY -> next(Instant.ofEpochMilli(point)).toEpochMilli();
        };
    }

    /** Returns the schedule named {@code text}: daily, weekly or monthly, any case. */
    public static Schedule parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown period \"" + text + "\": expected daily, weekly or monthly", e);
        }
    }

    /** Returns a tracker that reports, step by step, when this schedule's next point has been reached. */
    public Tracker tracker(Instant from) {
        return new Tracker(this, from);
    }

    /**
     * Follows a schedule along the clock: {@link #due(long)} says how many points have been
     * reached since the last call, so a caller acts once per point at the first step on or
     * after it. Points before the tracker's start are never due.
     */
    public static final class Tracker {
        private final Schedule schedule;
        private long nextPoint;
        private long lastAsked = Long.MIN_VALUE;
        private int lastCount;

        private Tracker(Schedule schedule, Instant from) {
            this.schedule = schedule;
            this.nextPoint = schedule.firstPointAtOrAfter(from).toEpochMilli();
        }

        /**
         * Returns how many points lie in (the previous step asked, {@code stepMillis}] — usually 0
         * or 1. Asking twice at the same step returns the same answer.
         */
        public int due(long stepMillis) {
            if (stepMillis < nextPoint) {
                // Most steps: no point reached, and none was at this step unless asked before. A
                // step at or past the next point cannot have been asked: asking moves past it.
                return stepMillis == lastAsked ? lastCount : 0;
            }
            int count = 0;
            while (nextPoint <= stepMillis) {
                count++;
                nextPoint = schedule.nextMillis(nextPoint);
            }
            lastAsked = stepMillis;
            lastCount = count;
            return count;
        }
    }
}

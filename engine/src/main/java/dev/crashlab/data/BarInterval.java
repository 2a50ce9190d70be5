package dev.crashlab.data;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A bar interval is the length of the period one bar covers: a fixed duration (a minute, an
 * hour, a day, a week) or a calendar month. A bar stamped {@code t} covers
 * {@code [t, end(t))}; it is complete, and so visible to a strategy, from {@code end(t)} on.
 *
 * <p>Daily bars of every calendar are stamped 00:00 UTC of their trading date and end 24 hours
 * later, whatever the exchange's hours: an NYSE bar of date D becomes visible at D+1 00:00 UTC,
 * after its 21:00 UTC close. Monthly bars are stamped the 1st at 00:00 UTC and end on the 1st
 * of the next month.
 */
public final class BarInterval implements Comparable<BarInterval> {

    private static final long DAY_MILLIS = 86_400_000L;
    /** The mean Gregorian month, used only to compare a month with fixed durations. */
    private static final long MEAN_MONTH_MILLIS = 2_629_746_000L;

    /** One minute. */
    public static final BarInterval MINUTE = new BarInterval(60_000L);
    /** One hour. */
    public static final BarInterval HOUR = new BarInterval(3_600_000L);
    /** One day: daily bars. */
    public static final BarInterval DAY = new BarInterval(DAY_MILLIS);
    /** Seven days: weekly bars, stamped on Monday. */
    public static final BarInterval WEEK = new BarInterval(7 * DAY_MILLIS);
    /** A calendar month: monthly bars, stamped on the 1st. */
    public static final BarInterval MONTH = new BarInterval(0);

    // The fixed length in milliseconds; 0 for the calendar month.
    private final long millis;

    private BarInterval(long millis) {
        this.millis = millis;
    }

    /** Returns the interval of fixed length {@code length}, which must be positive. */
    public static BarInterval of(Duration length) {
        Objects.requireNonNull(length, "length");
        long ms = length.toMillis();
        if (ms <= 0) {
            throw new IllegalArgumentException("a bar interval must be positive, got " + length);
        }
        return switch ((int) Math.min(Integer.MAX_VALUE, ms / 1000)) {
            case 60 -> ms == 60_000L ? MINUTE : new BarInterval(ms);
            case 3600 -> ms == 3_600_000L ? HOUR : new BarInterval(ms);
            case 86_400 -> ms == DAY_MILLIS ? DAY : new BarInterval(ms);
            case 604_800 -> ms == 7 * DAY_MILLIS ? WEEK : new BarInterval(ms);
            default -> new BarInterval(ms);
        };
    }

    /** Returns whether this is the calendar month. */
    public boolean isCalendarMonth() {
        return millis == 0;
    }

    /** Returns whether bars of this interval cover whole days (a day, a week, a month): they are keyed by date. */
    public boolean isWholeDays() {
        return millis == 0 || millis % DAY_MILLIS == 0;
    }

    /** Returns the end, in UTC epoch milliseconds, of the bar stamped {@code startMillis}. */
    public long endMillis(long startMillis) {
        if (millis > 0) {
            return startMillis + millis;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(startMillis, DAY_MILLIS));
        return date.withDayOfMonth(1).plusMonths(1).toEpochDay() * DAY_MILLIS;
    }

    /** Returns the start, in UTC epoch milliseconds, of the bar of this interval that ends at {@code endMillis}. */
    public long startMillis(long endMillis) {
        if (millis > 0) {
            return endMillis - millis;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(endMillis - 1, DAY_MILLIS));
        return date.withDayOfMonth(1).toEpochDay() * DAY_MILLIS;
    }

    /** Returns the end of the bar stamped {@code start}. */
    public Instant end(Instant start) {
        return Instant.ofEpochMilli(endMillis(start.toEpochMilli()));
    }

    /** Returns the fixed length, or the mean Gregorian month for the calendar month. */
    public Duration nominal() {
        return Duration.ofMillis(millis > 0 ? millis : MEAN_MONTH_MILLIS);
    }

    /** Returns the length of the bar stamped {@code startMillis}. */
    public Duration lengthAt(long startMillis) {
        return Duration.ofMillis(endMillis(startMillis) - startMillis);
    }

    /**
     * Returns how many bars of this interval a year holds, the P of annualised metrics: 365 a
     * year for daily bars of a universe that trades every day (crypto), else 252; for intraday
     * bars that many days times {@code barsPerDay}; 52 for weeks, 12 for months, and
     * 365.25 / k for bars of k days.
     *
     * @param everyDay   whether the universe holds a market that trades every day (crypto)
     * @param barsPerDay for intraday intervals, the bars a trading day holds; ignored otherwise
     */
    public double periodsPerYear(boolean everyDay, double barsPerDay) {
        if (millis == 0) {
            return 12;
        }
        if (millis == 7 * DAY_MILLIS) {
            return 52;
        }
        double days = everyDay ? 365 : 252;
        if (millis < DAY_MILLIS) {
            return days * barsPerDay;
        }
        return millis == DAY_MILLIS ? days : 365.25 * DAY_MILLIS / millis;
    }

    @Override
    public int compareTo(BarInterval other) {
        return nominal().compareTo(other.nominal());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BarInterval other && other.millis == millis;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(millis);
    }

    /** Returns a short label: {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}, {@code 7d}, {@code 1M}, or milliseconds. */
    @Override
    public String toString() {
        if (millis == 0) {
            return "1M";
        }
        if (millis % DAY_MILLIS == 0) {
            return (millis / DAY_MILLIS) + "d";
        }
        if (millis % 3_600_000L == 0) {
            return (millis / 3_600_000L) + "h";
        }
        if (millis % 60_000L == 0) {
            return (millis / 60_000L) + "m";
        }
        if (millis % 1000 == 0) {
            return (millis / 1000) + "s";
        }
        return millis + "ms";
    }
}

package dev.crashlab.strategy;

import java.time.LocalDate;

/**
 * A non-price series as a strategy sees it: only the values published by the current step's
 * time, oldest first. A daily value dated D with the default rule {@code D+1 00:00 UTC} first
 * appears at the step of D+1; at the step of D it is not here. Asking for an index at or beyond
 * {@link #size()} throws {@link IndexOutOfBoundsException}.
 */
public interface PublishedSeries {

    /** Returns the series' name. */
    String name();

    /** Returns how many values have been published by now. */
    int size();

    /** Returns whether nothing has been published yet. */
    default boolean isEmpty() {
        return size() == 0;
    }

    /** Returns the date of published value {@code i}. */
    LocalDate date(int i);

    /** Returns published value {@code i}. */
    double value(int i);

    /** Returns the latest published value, or NaN when none. */
    default double latest() {
        return isEmpty() ? Double.NaN : value(size() - 1);
    }

    /** Returns the date of the latest published value, or {@code null} when none. */
    default LocalDate latestDate() {
        return isEmpty() ? null : date(size() - 1);
    }

    /**
     * Returns the sum of the published values dated within the {@code days} calendar days before
     * {@code today}: dates in [today − days, today − 1]. Days without a value add nothing.
     */
    default double sumOverDays(LocalDate today, int days) {
        LocalDate from = today.minusDays(days);
        double sum = 0;
        for (int i = size() - 1; i >= 0; i--) {
            LocalDate d = date(i);
            if (d.isBefore(from)) {
                break;
            }
            if (d.isBefore(today)) {
                sum += value(i);
            }
        }
        return sum;
    }

    /**
     * Returns how many of the latest published values, counting back from the newest, are
     * below zero without interruption: an outflow streak.
     */
    default int negativeStreak() {
        int streak = 0;
        for (int i = size() - 1; i >= 0 && value(i) < 0; i--) {
            streak++;
        }
        return streak;
    }

    /**
     * Returns the index of the latest published value dated on or before {@code date}, or -1 when
     * there is none. It reads back from the newest value, so it costs the number of values dated
     * after {@code date}: little for the recent end of a trailing window.
     */
    default int indexOnOrBefore(LocalDate date) {
        int i = size() - 1;
        while (i >= 0 && date(i).isAfter(date)) {
            i--;
        }
        return i;
    }
}

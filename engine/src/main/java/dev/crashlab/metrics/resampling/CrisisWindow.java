package dev.crashlab.metrics.resampling;

/**
 * A crisis window is a named run of consecutive days of the sample, {@code from} to {@code to}
 * inclusive (day indices, as in a {@link DayPath}), whose returns a {@link CrisisReplay} splices
 * into other stretches of history: "what if March 2020 had struck in 2017?".
 *
 * @param name a label for reports, such as {@code "covid-2020"}
 * @param from the first day, &gt;= 0
 * @param to   the last day, &gt;= from
 */
public record CrisisWindow(String name, int from, int to) {

    /** Checks that the window is a non-empty run of days. */
    public CrisisWindow {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a crisis window needs a name");
        }
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("crisis window '" + name + "': expected 0 <= from <= to, got from " + from
                    + " to " + to);
        }
    }

    /** Returns the number of days, to − from + 1. */
    public int length() {
        return to - from + 1;
    }
}

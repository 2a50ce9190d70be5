package dev.crashlab.results;

import java.time.Instant;

/**
 * The steps a run covers.
 *
 * @param start          the first step's time
 * @param end            the last step's time
 * @param steps          the number of steps
 * @param periodsPerYear P, the periods per year that annualise the metrics
 * @param interval       the universe's shortest bar interval: {@code 1d}, {@code 1h}, {@code 7d}, {@code 1M}, ...
 */
public record Period(Instant start, Instant end, int steps, double periodsPerYear, String interval) {
}

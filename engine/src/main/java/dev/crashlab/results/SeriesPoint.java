package dev.crashlab.results;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One value of a non-price series.
 *
 * @param date        the date it is for
 * @param value       the value; NaN for no figure
 * @param publishedAt when it became visible to strategies
 */
public record SeriesPoint(LocalDate date, double value, Instant publishedAt) {
}

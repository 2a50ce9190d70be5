package dev.crashlab.results;

import java.time.LocalDate;

/**
 * A named crisis window, marked on every time chart.
 *
 * @param name        its name
 * @param from        its first day (UTC)
 * @param to          its last day (UTC), inclusive
 * @param description what happened
 */
public record RegimeWindow(String name, LocalDate from, LocalDate to, String description) {
}

package dev.crashlab.strategy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A named crisis window: dates of a well-known market event, drawn on report charts.
 *
 * @param name        a short name, such as {@code FTX collapse}
 * @param from        the first day, inclusive
 * @param to          the last day, inclusive
 * @param description what happened, in a sentence
 */
public record CrisisWindow(String name, LocalDate from, LocalDate to, String description) {

    public CrisisWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(description, "description");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(name + ": window ends " + to + " before it starts " + from);
        }
    }
}

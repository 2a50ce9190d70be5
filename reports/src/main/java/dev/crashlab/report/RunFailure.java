package dev.crashlab.report;

import java.util.Objects;

/**
 * A run that did not finish, as an index lists it beside the runs that did: its name and the
 * error that stopped it.
 *
 * @param name  the run's name
 * @param error the error's message, as the log shows it
 */
public record RunFailure(String name, String error) {

    public RunFailure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(error, "error");
    }
}

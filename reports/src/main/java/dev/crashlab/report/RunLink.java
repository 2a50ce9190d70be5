package dev.crashlab.report;

import dev.crashlab.results.RunResults;
import java.util.Objects;

/**
 * A run as comparison and index pages list it: its name, its results, and the link to its own
 * report, relative to the page that lists it.
 *
 * @param name    the name shown
 * @param results the run's results, made in process or read from its {@code results.json}
 * @param href    the relative link to the run's report, such as {@code dca-btc/report.html}, or
 *                {@code null} for no link
 */
public record RunLink(String name, RunResults results, String href) {

    public RunLink {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(results, "results");
    }
}

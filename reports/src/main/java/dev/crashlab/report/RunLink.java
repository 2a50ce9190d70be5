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
 * @param written whether the invocation rendering the page wrote this run (an index marks it);
 *                false for a run found in the output folder from an earlier invocation
 */
public record RunLink(String name, RunResults results, String href, boolean written) {

    public RunLink {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(results, "results");
    }

    /** Returns the link to a run the rendering invocation wrote. */
    public RunLink(String name, RunResults results, String href) {
        this(name, results, href, true);
    }
}

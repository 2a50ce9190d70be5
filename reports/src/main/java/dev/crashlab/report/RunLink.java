package dev.crashlab.report;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A run as comparison and index pages list it: its name, its parsed {@code results.json}, and the
 * link to its own report, relative to the page that lists it.
 *
 * @param name    the name shown
 * @param results the run's results.json, parsed (for example with {@code ResultsJson.read})
 * @param href    the relative link to the run's report, such as {@code dca-btc/report.html}, or
 *                {@code null} for no link
 */
public record RunLink(String name, JsonNode results, String href) {

    public RunLink {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(results, "results");
    }
}

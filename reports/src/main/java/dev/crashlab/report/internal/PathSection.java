package dev.crashlab.report.internal;

import dev.crashlab.results.PathSensitivityResults;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * What the "How much the path matters" section of a run's page shows of results.json's
 * {@code path.sensitivity}: each event with the runs that had it, and the spread of the final
 * equity, the max drawdown and liquidation over the paths. Every figure comes from
 * {@link PathSensitivityResults}; this class only formats and selects.
 */
public final class PathSection {

    /** The most events listed; the page says how many more there were. */
    public static final int MAX_EVENTS = 500;

    /**
     * An event's row, formatted.
     *
     * @param event     what happened, such as {@code liquidation BTC-USD}
     * @param bar       the bar it happened in
     * @param share     the share of bridge paths that had it, such as {@code 38 %}
     * @param onBridges how many bridge paths had it
     * @param highFirst {@code yes} or {@code no}
     * @param lowFirst  {@code yes} or {@code no}
     * @param decided   whether the path decided it: not on every path, or not both ways
     */
    public record EventRow(String event, String bar, String share, int onBridges, String highFirst, String lowFirst,
            boolean decided) {
    }

    /** A figure's row of the outcome table: high-first, low-first, and lowest, median and highest over the bridges. */
    public record OutcomeRow(String figure, String highFirst, String lowFirst, String min, String median, String max) {
    }

    private final PathSensitivityResults sensitivity;

    /** Returns the section of {@code sensitivity}, which may be null (the run did not configure it). */
    public PathSection(PathSensitivityResults sensitivity) {
        this.sensitivity = sensitivity;
    }

    /** Returns whether the run has a path sensitivity to show. */
    public boolean present() {
        return sensitivity != null;
    }

    /** Returns the number K of bridge paths. */
    public int bridges() {
        return sensitivity.bridges();
    }

    /** Returns the options in words: {@code 20 bridge paths of 96 sub-bars a bar, seeds 1 to 20}. */
    public String optionsText() {
        return String.format(Locale.ROOT, "%d bridge %s of %d sub-bars a bar, %s", sensitivity.bridges(),
                sensitivity.bridges() == 1 ? "path" : "paths", sensitivity.subBars(), sensitivity.bridges() == 1
                        ? "seed " + sensitivity.seed()
                        : "seeds " + sensitivity.seed() + " to " + (sensitivity.seed() + sensitivity.bridges() - 1));
    }

    /** Returns the number of events. */
    public int eventCount() {
        return sensitivity.events().size();
    }

    /** Returns the rows of the first {@link #MAX_EVENTS} events. */
    public List<EventRow> events() {
        return sensitivity.events().stream().limit(MAX_EVENTS).map(e -> new EventRow(e.event(), Formats.time(e.bar()),
                share(e.onBridges()), e.onBridges(), yes(e.highFirst()), yes(e.lowFirst()), sensitivity.decidedByPath(e)))
                .toList();
    }

    /** Returns the number of events the path decided: not on every bridge path, or not both high-first and low-first. */
    public long decidedCount() {
        return sensitivity.decidedEvents();
    }

    /** Returns the rows of the outcome table: final equity and max drawdown. */
    public List<OutcomeRow> outcomes() {
        return List.of(row("Final equity", sensitivity.finalEquity(), Formats::money),
                row("Max drawdown", sensitivity.maxDrawdown(), Formats::percent));
    }

    /** Returns the liquidated row: yes or no for the two rule runs, and on how many bridge paths. */
    public OutcomeRow liquidated() {
        PathSensitivityResults.Liquidated l = sensitivity.liquidated();
        return new OutcomeRow("Liquidated", yes(l.highFirst()), yes(l.lowFirst()), "", l.onBridges() + " of " + bridges()
                + " (" + share(l.onBridges()) + ")", "");
    }

    private static OutcomeRow row(String name, PathSensitivityResults.Outcome o, DoubleFunction<String> format) {
        return new OutcomeRow(name, format.apply(o.highFirst()), format.apply(o.lowFirst()), format.apply(o.bridgeMin()),
                format.apply(o.bridgeMedian()), format.apply(o.bridgeMax()));
    }

    private String share(int onBridges) {
        return String.format(Locale.ROOT, "%.0f %%", 100.0 * onBridges / sensitivity.bridges());
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}

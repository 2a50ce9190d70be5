package dev.crashlab.results;

import java.time.Instant;
import java.util.List;

/**
 * Path sensitivity results say how much a run's outcome depended on the order of events inside
 * bars that only their open, high, low and close describe: the run repeated with every bar
 * resolved high-first, with every bar resolved low-first, and on K seeded Brownian-bridge paths
 * per bar (README, "How much the path matters"). Written inside {@code path} as
 * {@code sensitivity} only when the run configured {@code path.sensitivity}.
 *
 * @param bridges     the number K of bridge paths, {@code >= 1}
 * @param subBars     the sub-bars of each bridge path per bar
 * @param seed        the seed of the first bridge path; path k used {@code seed + k}
 * @param events      every liquidation and limit or stop fill of any of the runs, by bar, then name
 * @param finalEquity the equity at the last close, in the account currency
 * @param maxDrawdown the max drawdown of the time-weighted index, a fraction {@code <= 0}
 * @param liquidated  on which paths the account had at least one liquidation
 */
public record PathSensitivityResults(int bridges, int subBars, long seed, List<Event> events, Outcome finalEquity,
        Outcome maxDrawdown, Liquidated liquidated) {

    public PathSensitivityResults {
        if (bridges < 1) {
            throw new ResultsException("bridges", "expected at least 1 bridge path, got " + bridges);
        }
        events = List.copyOf(events);
        for (int k = 0; k < events.size(); k++) {
            if (events.get(k).onBridges() > bridges) {
                throw new ResultsException("events[" + k + "].onBridges", "expected at most " + bridges + " (bridges), got "
                        + events.get(k).onBridges());
            }
        }
        if (liquidated.onBridges() > bridges) {
            throw new ResultsException("liquidated.onBridges", "expected at most " + bridges + " (bridges), got "
                    + liquidated.onBridges());
        }
    }

    /**
     * Returns whether the path decided {@code event}: it did not happen on every bridge path, or
     * not both high-first and low-first. An event on every path happened whichever way its bar went.
     */
    public boolean decidedByPath(Event event) {
        return event.onBridges() < bridges || !event.highFirst() || !event.lowFirst();
    }

    /** Returns the number of events the path decided ({@link #decidedByPath}). */
    public long decidedEvents() {
        return events.stream().filter(this::decidedByPath).count();
    }

    /** Returns the share of bridge paths on which the account was liquidated at least once, 0 to 1. */
    public double liquidatedShare() {
        return (double) liquidated.onBridges() / bridges;
    }

    /**
     * One event of some run, and on which runs it happened on the same bar.
     *
     * @param event     such as {@code liquidation BTC-USD} or {@code stop sell BTC-USD "stop-loss"}
     * @param bar       the start of the bar (of the traded instrument's own bars) it happened in
     * @param highFirst whether it happened with every bar resolved high-first
     * @param lowFirst  whether it happened with every bar resolved low-first
     * @param onBridges on how many of the bridge paths it happened, 0 to {@code bridges}
     */
    public record Event(String event, Instant bar, boolean highFirst, boolean lowFirst, int onBridges) {

        public Event {
            if (onBridges < 0) {
                throw new ResultsException("onBridges", "expected a count >= 0, got " + onBridges);
            }
        }
    }

    /**
     * One figure of the run's outcome across the paths.
     *
     * @param highFirst    with every bar resolved high-first
     * @param lowFirst     with every bar resolved low-first
     * @param bridgeMin    the lowest over the bridge paths
     * @param bridgeMedian the median over the bridge paths: the order statistic at ⌈K/2⌉ ({@link Quantiles}), a value some path had
     * @param bridgeMax    the highest over the bridge paths
     */
    public record Outcome(double highFirst, double lowFirst, double bridgeMin, double bridgeMedian, double bridgeMax) {
    }

    /**
     * On which paths the account was liquidated at least once.
     *
     * @param highFirst with every bar resolved high-first
     * @param lowFirst  with every bar resolved low-first
     * @param onBridges on how many of the bridge paths, 0 to {@code bridges}
     */
    public record Liquidated(boolean highFirst, boolean lowFirst, int onBridges) {

        public Liquidated {
            if (onBridges < 0) {
                throw new ResultsException("onBridges", "expected a count >= 0, got " + onBridges);
            }
        }
    }
}

package dev.crashlab.benchmarks;

import java.time.Duration;

/**
 * The SMA crossover is the strategy every implementation under test runs, defined once here so
 * that they can be held to the same answer.
 *
 * <h2>The rule</h2>
 * With F = SMA({@value #FAST}) and S = SMA({@value #SLOW}) of the closes (each defined once its
 * window is full, so both from bar {@value #SLOW} − 1 on):
 * <ul>
 *   <li><b>entry</b> at bar i when F crosses above S: {@code F[i] > S[i] && F[i-1] <= S[i-1]},
 *       both bars defined, and no position is held;</li>
 *   <li><b>exit</b> at bar i when F crosses below S: {@code F[i] < S[i] && F[i-1] >= S[i-1]},
 *       and the position is held;</li>
 *   <li>a tie at bar i does not cross; a tie at bar i − 1 counts as "not above" (or "not
 *       below"), which is crashlab's {@code FastIndicator.crossedAbove}/{@code crossedBelow};</li>
 *   <li>the decision is taken at bar i's close and fills at bar i + 1's open; a signal on the last
 *       bar is not executed;</li>
 *   <li>long only, all in: an entry buys {@code cash / open} fractional units, an exit sells them
 *       all; no fees, no slippage;</li>
 *   <li>evaluation starts at bar {@value #FIRST_DECISION_BAR}, the first bar at which both
 *       averages are defined at i and i − 1 (ta4j: unstable bars {@value #FIRST_DECISION_BAR}).</li>
 * </ul>
 * ta4j's {@code CrossIndicator} treats a tie at i − 1 differently: it looks back past ties to the
 * last bar where the averages differed. The two rules disagree only after an exact tie, which
 * the benchmark's setup checks does not happen in its data.
 *
 * <h2>Agreement</h2>
 * A run's answer is its {@link Outcome}: the number of round trips (the one still open at the
 * end counted) and the final equity, marked at the last close.
 */
public final class SmaCross {

    /** The fast average's window. */
    public static final int FAST = 10;

    /** The slow average's window. */
    public static final int SLOW = 30;

    /** The first bar at which a crossing can be decided. */
    public static final int FIRST_DECISION_BAR = SLOW;

    /** The cash every run starts with. */
    public static final double INITIAL_CASH = 10_000;

    /** Periods per year of the data: one-minute bars ({@link RandomWalk#INTERVAL}) around the clock. */
    public static final double PERIODS_PER_YEAR = Duration.ofDays(365).dividedBy(RandomWalk.INTERVAL);

    /** The relative tolerance on final equity between implementations. */
    public static final double EQUITY_TOLERANCE = 1e-9;

    private SmaCross() {
    }

    /**
     * What a run of the crossover ends with.
     *
     * @param trades      round trips, the one open at the end included
     * @param finalEquity cash plus the position marked at the last close
     */
    public record Outcome(int trades, double finalEquity) {

        /** Returns whether {@code other} made the same number of trades and the same equity within {@link #EQUITY_TOLERANCE}. */
        public boolean agreesWith(Outcome other) {
            return trades == other.trades && Math.abs(finalEquity - other.finalEquity)
                    <= EQUITY_TOLERANCE * Math.max(Math.abs(finalEquity), Math.abs(other.finalEquity));
        }
    }
}

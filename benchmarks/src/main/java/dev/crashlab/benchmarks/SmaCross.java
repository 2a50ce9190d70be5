package dev.crashlab.benchmarks;

/**
 * The SMA crossover is the strategy every implementation under test runs: the {@code sma}
 * strategy of {@code ../shared/bench} (its {@code reference.py}), defined once here so that they
 * can be held to the same answer, the bench README's reference figures.
 *
 * <h2>The rule</h2>
 * With F = SMA({@value #FAST}) and S = SMA({@value #SLOW}) of the closes, each window sum
 * correctly rounded ({@code math.fsum}):
 * <ul>
 *   <li>at the close of bar t, an up-cross (F &gt; S, and the last non-zero F − S before t was
 *       &lt; 0; an exact tie neither crosses nor resets) while flat buys with all the cash at
 *       open[t + 1]; a down-cross while long sells everything at open[t + 1];</li>
 *   <li>a signal on the last bar is dropped; fractional units, no fees, no slippage; cash
 *       {@value #INITIAL_CASH}.</li>
 * </ul>
 * On the {@value SharedFiles#BENCH_BARS} bench bars of seed {@value SharedFiles#BENCH_SEED}, the
 * reference fills {@value #REFERENCE_FILLS} orders and ends at {@value #REFERENCE_EQUITY}: the
 * strategy loses almost everything over ~19,760 round trips, so the final equity moves by
 * percents with a single early or late fill, a test of exact arithmetic.
 */
public final class SmaCross {

    /** The fast average's window. */
    public static final int FAST = 10;

    /** The slow average's window. */
    public static final int SLOW = 30;

    /** The first bar at which a crossing can be decided: both averages are defined there and at the bar before. */
    public static final int FIRST_DECISION_BAR = SLOW;

    /** The cash every run starts with. */
    public static final double INITIAL_CASH = 100_000_000;

    /** The orders the reference fills on the bench bars. */
    public static final int REFERENCE_FILLS = 39_517;

    /** The reference's final equity on the bench bars: cash plus the position at the last close. */
    public static final double REFERENCE_EQUITY = 4.024675424794208;

    /** The relative tolerance on final equity, as the bench README's reference is given. */
    public static final double EQUITY_TOLERANCE = 1e-9;

    private SmaCross() {
    }

    /**
     * What a run of the crossover ends with.
     *
     * @param fills       orders filled, entries and exits
     * @param finalEquity cash plus the position marked at the last close
     */
    public record Outcome(int fills, double finalEquity) {

        /** Returns whether this is the reference's outcome: the same fills, the equity within {@link #EQUITY_TOLERANCE}. */
        public boolean isTheReference() {
            return fills == REFERENCE_FILLS && Math.abs(finalEquity - REFERENCE_EQUITY) <= EQUITY_TOLERANCE * REFERENCE_EQUITY;
        }
    }
}

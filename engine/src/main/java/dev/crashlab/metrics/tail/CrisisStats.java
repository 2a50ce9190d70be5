package dev.crashlab.metrics.tail;

import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.strategy.Event;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * How a run did over one crisis window: one row of the crisis scorecard. The window's periods are
 * those of {@link PeriodSubset#ofDates}: the period returns earned on its days, the first of them
 * from the last close before {@code from}.
 *
 * <h2>Figures</h2>
 * <ul>
 *   <li><b>Coverage</b> compares the window's days with the run's steps' UTC dates:
 *       {@link Coverage#FULL} when the run's first step is dated before {@code from} (so the close
 *       before the window is known) and its last step on or after {@code to};
 *       {@link Coverage#NONE} when its last step is dated before {@code from} or its first step on
 *       or after {@code to} (no return of the window's days is in the run); else
 *       {@link Coverage#PARTIAL}, and the figures are over the part the run covers. A covered
 *       window can still hold no period (an equity-only run over a weekend): then its figures
 *       are NaN.</li>
 *   <li><b>Return</b> Π(1 + r<sub>t</sub>) − 1 over the window's periods, time-weighted as every
 *       return of the run is.</li>
 *   <li><b>Max drawdown</b>: the deepest episode of the window's own index ({@link
 *       TailMetrics#episodes}), measured from the close before the window, so a window that only
 *       fell has max drawdown = return; 0 when the index never fell.</li>
 *   <li><b>Days to recover</b>: calendar days from the window's last close until the first close
 *       at which the index, compounded on over the periods after the window, is back at or above
 *       its level at the window's start: how long until the crisis's loss was made back. 0 when
 *       the window ended at or above it; NaN when the run ended before that (not recovered).</li>
 *   <li><b>Tail</b>: {@link TailMetrics} of the window's returns (few periods give NaN quantile
 *       figures: see its Javadoc).</li>
 *   <li><b>Liquidations, funding paid, held back</b>: the liquidations counted by the run's
 *       {@code liquidations} metric, the carry charged (its {@code fundingPaid}: borrow, funding,
 *       interest) and the {@link Event.Kind#HELD_BACK} events, at the steps that close the
 *       window's periods (carry charged at step t is for the time since step t−1, so it belongs
 *       to period t).</li>
 * </ul>
 *
 * @param window       the window
 * @param coverage     how much of the window the run's steps cover
 * @param periods      the window's periods
 * @param run          how the run's index did
 * @param benchmark    how the benchmark's index did, or {@code null} without one
 * @param liquidations liquidations at the window's steps
 * @param fundingPaid  carry charged at the window's steps; NaN without periods
 * @param heldBack     held-back orders ({@code held_back} events) at the window's steps
 */
public record CrisisStats(CrisisWindow window, Coverage coverage, PeriodSubset periods, Performance run,
        Performance benchmark, int liquidations, double fundingPaid, int heldBack) {

    private static final double DAY_MILLIS = 86_400_000.0;

    /** How much of a window the run's steps cover. */
    public enum Coverage {
        /** The run has a close before the window and reaches its last day. */
        FULL,
        /** The run starts or ends within the window. */
        PARTIAL,
        /** The run has no return of the window's days. */
        NONE;

        /** Returns the lower-case name used in results. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How one time-weighted index did over the window.
     *
     * @param totalReturn   the compounded return over the window's periods
     * @param maxDrawdown   the deepest drawdown of the window's index, &lt;= 0
     * @param daysToRecover calendar days from the window's last close until the index is back at its
     *                      level at the window's start; NaN when it was not by the run's end
     * @param recoveryStep  the step at which it was back, or −1
     * @param tail          the tail and pain figures of the window's returns
     */
    public record Performance(double totalReturn, double maxDrawdown, double daysToRecover, int recoveryStep,
            TailMetrics tail) {
    }

    /**
     * What a scorecard is computed from, all arrays over the run's N steps or N − 1 periods.
     *
     * @param stepTimes        each step's time, UTC epoch ms
     * @param periodReturns    the run's r<sub>t</sub> at index t − 1
     * @param benchmarkReturns the benchmark's, or {@code null}
     * @param financed         the carry charged up to each step's close, cumulative, or {@code null} for none
     * @param liquidated       the liquidations up to each step's close, cumulative, or {@code null} for none
     * @param events           the run's events, in time order, each at its step's time
     */
    public record Input(long[] stepTimes, double[] periodReturns, double[] benchmarkReturns, double[] financed,
            int[] liquidated, List<Event> events) {
    }

    /** Returns the scorecard row of {@code window}. */
    public static CrisisStats of(CrisisWindow window, Input in) {
        long[] times = in.stepTimes();
        PeriodSubset periods = PeriodSubset.ofDates(times, window.from(), window.to());
        Coverage coverage = coverage(window, times);
        Performance run = performance(periods, in.periodReturns(), times);
        Performance benchmark = in.benchmarkReturns() == null ? null : performance(periods, in.benchmarkReturns(), times);
        if (periods.isEmpty()) {
            return new CrisisStats(window, coverage, periods, run, benchmark, 0, Double.NaN, 0);
        }
        int start = periods.step(0);
        int end = periods.period(periods.size() - 1);
        int liquidations = in.liquidated() == null ? 0 : in.liquidated()[end] - in.liquidated()[start];
        double funding = in.financed() == null ? 0 : in.financed()[end] - in.financed()[start];
        int heldBack = 0;
        for (Event e : in.events()) {
            long t = e.time().toEpochMilli();
            if (e.kind() == Event.Kind.HELD_BACK && t > times[start] && t <= times[end]) {
                heldBack++;
            }
        }
        return new CrisisStats(window, coverage, periods, run, benchmark, liquidations, funding, heldBack);
    }

    /** Returns the step of the close the window's index starts from, or −1 without periods. */
    public int startStep() {
        return periods.isEmpty() ? -1 : periods.step(0);
    }

    /** Returns the step of the window's last close, or −1 without periods. */
    public int endStep() {
        return periods.isEmpty() ? -1 : periods.period(periods.size() - 1);
    }

    private static Coverage coverage(CrisisWindow window, long[] times) {
        LocalDate first = date(times[0]);
        LocalDate last = date(times[times.length - 1]);
        if (last.isBefore(window.from()) || !first.isBefore(window.to())) {
            return Coverage.NONE;
        }
        return first.isBefore(window.from()) && !last.isBefore(window.to()) ? Coverage.FULL : Coverage.PARTIAL;
    }

    private static LocalDate date(long millis) {
        return LocalDate.ofInstant(java.time.Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    private static Performance performance(PeriodSubset periods, double[] periodReturns, long[] times) {
        TailMetrics tail = periods.tail(periodReturns, times);
        if (periods.isEmpty()) {
            return new Performance(Double.NaN, Double.NaN, Double.NaN, -1, tail);
        }
        double level = 1;
        for (double r : periods.returns(periodReturns)) {
            level *= 1 + r;
        }
        double maxDrawdown = tail.episodes().stream().mapToDouble(DrawdownEpisode::depth).min().orElse(0);
        // Compounded on from the window's last close until the index is back at its start (1).
        int end = periods.period(periods.size() - 1);
        int recovery = -1;
        double after = level;
        for (int s = end; s < times.length; s++) {
            if (s > end) {
                after *= 1 + periodReturns[s - 1];
            }
            if (after >= 1) {
                recovery = s;
                break;
            }
        }
        return new Performance(level - 1, maxDrawdown, recovery < 0 ? Double.NaN : (times[recovery] - times[end]) / DAY_MILLIS,
                recovery, tail);
    }
}

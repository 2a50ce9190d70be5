package dev.crashlab.metrics.tail;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * A period subset is the part of a run's period returns that a figure is computed over: all of
 * them, those credited to one regime label, or those earned on the days of a crisis window. The
 * period return r<sub>t</sub> (t = 1..N−1) is earned from step t−1's close to step t's close, as
 * in {@code PerformanceMetrics.periodReturns}; in arrays it sits at index t − 1.
 *
 * <h2>Which periods</h2>
 * <ul>
 *   <li><b>All</b>: t = 1..N−1.</li>
 *   <li><b>A regime label L</b>: the t whose step t−1 carries L, exactly the periods
 *       {@code RegimeStats} credits to L. A classifier labels a step after its close, so the
 *       period after it is the one a strategy could act on: a crash day's own fall counts for
 *       the label of the day before.</li>
 *   <li><b>The days {@code from}..{@code to}</b> (UTC dates, both included): the t whose closing
 *       step t is dated within them, the step's date being the UTC date of its time. A crisis
 *       window is a fact of the calendar, known afterwards, not a label known at the start of a
 *       period: it holds the returns earned on its days, the crash day's own fall included, as
 *       monthly returns credit a period to the month of its closing step. Its index starts at
 *       the close of the step before its first period (the last close before {@code from}).</li>
 * </ul>
 *
 * <h2>The subset's index and clock</h2>
 * The subset's returns compound, in time order, into an index of its own that starts at 1 at the
 * close before its first period ({@link #step step(0)}); its k-th value is at the close of step
 * {@code step(k)}. Its clock starts at that close's time and advances by each period's own length
 * (t<sub>t</sub> − t<sub>t−1</sub>), so that time under water counts only the subset's periods:
 * for contiguous periods (all, a window) it is the steps' own times, for a regime it is the time
 * spent in that regime. An empty subset has no figure: every one NaN.
 */
public final class PeriodSubset {

    private final int[] periods;

    private PeriodSubset(int[] periods) {
        this.periods = periods;
    }

    /** Returns every period of a run of {@code steps} steps: t = 1..steps−1. */
    public static PeriodSubset all(int steps) {
        int[] t = new int[Math.max(0, steps - 1)];
        Arrays.setAll(t, k -> k + 1);
        return new PeriodSubset(t);
    }

    /** Returns the periods t whose step t−1 carries label index {@code label} in {@code labelOfStep}. */
    public static PeriodSubset ofLabel(int[] labelOfStep, int label) {
        int[] t = new int[labelOfStep.length];
        int n = 0;
        for (int s = 1; s < labelOfStep.length; s++) {
            if (labelOfStep[s - 1] == label) {
                t[n++] = s;
            }
        }
        return new PeriodSubset(Arrays.copyOf(t, n));
    }

    /** Returns the periods t whose closing step's UTC date, at {@code stepTimes[t]} (epoch ms), is within {@code from}..{@code to}. */
    public static PeriodSubset ofDates(long[] stepTimes, LocalDate from, LocalDate to) {
        long first = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long after = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        int[] t = new int[stepTimes.length];
        int n = 0;
        for (int s = 1; s < stepTimes.length; s++) {
            if (stepTimes[s] >= first && stepTimes[s] < after) {
                t[n++] = s;
            }
        }
        return new PeriodSubset(Arrays.copyOf(t, n));
    }

    /** Returns the number of periods. */
    public int size() {
        return periods.length;
    }

    /** Returns whether the subset has no period. */
    public boolean isEmpty() {
        return periods.length == 0;
    }

    /** Returns t of the k-th period (k = 0..size−1), in time order. */
    public int period(int k) {
        return periods[k];
    }

    /**
     * Returns the step at whose close the subset's index has its k-th value (k = 0..size): step(0)
     * is the step before the first period, step(k) the closing step of the k-th period.
     */
    public int step(int k) {
        return k == 0 ? periods[0] - 1 : periods[k - 1];
    }

    /** Returns the subset's returns in time order, from a run's {@code periodReturns} (r<sub>t</sub> at index t − 1). */
    public double[] returns(double[] periodReturns) {
        double[] out = new double[periods.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = periodReturns[periods[k] - 1];
        }
        return out;
    }

    /** Returns the subset's clock (size + 1 times, UTC epoch ms) from the run's {@code stepTimes}; {@code {0}} when empty. */
    public long[] clock(long[] stepTimes) {
        long[] out = new long[periods.length + 1];
        if (periods.length == 0) {
            return out;
        }
        out[0] = stepTimes[periods[0] - 1];
        for (int k = 0; k < periods.length; k++) {
            int t = periods[k];
            out[k + 1] = out[k] + (stepTimes[t] - stepTimes[t - 1]);
        }
        return out;
    }

    /**
     * Returns the tail and pain figures ({@link TailMetrics#of}) of the subset's returns on its
     * clock; every figure NaN when the subset is empty. The episodes' steps count the subset's
     * index values ({@link #step} maps them to the run's steps), their days the subset's clock.
     */
    public TailMetrics tail(double[] periodReturns, long[] stepTimes) {
        if (periods.length == 0) {
            return new TailMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        return TailMetrics.of(returns(periodReturns), clock(stepTimes));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodSubset other && Arrays.equals(periods, other.periods);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(periods);
    }

    /** Returns the periods as {@code PeriodSubset[t1, t2, ...]}. */
    @Override
    public String toString() {
        return "PeriodSubset" + Arrays.toString(periods);
    }
}

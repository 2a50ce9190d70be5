package dev.crashlab.indicator;

import dev.crashlab.data.OhlcvSeries;
import java.util.Objects;

/**
 * A simple moving average is the mean of the closes of the last {@code barCount} bars, the
 * current one included; NaN until {@code barCount} bars have been pushed. It agrees with ta4j's
 * {@code SMAIndicator} from then on (before, ta4j averages the bars it has).
 *
 * <h2>Exact</h2>
 * The value is the correctly rounded sum of the window divided by {@code barCount}: what
 * {@code math.fsum(window) / barCount} gives, bit for bit, so two averages that are equal in
 * exact arithmetic compare equal here too, and a crossing is never a rounding error. The window
 * sum is kept exactly as an unevaluated pair {@code hi + lo} updated by error-free
 * transformations (Knuth's TwoSum) when a close enters and one leaves; {@code hi} is then the
 * correctly rounded sum. When a step cannot keep the pair exact (closes whose magnitudes span more
 * than a double-double holds, about 2<sup>50</sup>), the window is summed afresh exactly
 * (Shewchuk's algorithm, as {@code math.fsum}). A bar costs six TwoSums, a few nanoseconds: a
 * plain running sum drifted by 1e-14 and fired a crossing a bar early on a million bars.
 */
public final class Sma extends BarIndicator {

    private final int barCount;
    private final double[] window;
    private int next;
    private int filled;
    // The exact window sum is hi + lo, |lo| at most half an ulp of hi.
    private double hi;
    private double lo;
    // False while the window's exact sum needs more than two doubles: every bar is then summed afresh.
    private boolean exact = true;

    /**
     * Creates the average of the last {@code barCount} closes.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1
     */
    public Sma(int barCount) {
        this(barCount, ValueHistory.DEFAULT_CAPACITY);
    }

    /**
     * Creates the average of the last {@code barCount} closes, with room in its history for
     * {@code capacityHint} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1 or {@code capacityHint} negative
     */
    public Sma(int barCount, int capacityHint) {
        super(capacityHint);
        this.barCount = Parameters.atLeast("Sma", "barCount", barCount, 1);
        this.window = new double[barCount];
    }

    /** Returns true: this indicator reads the close alone. */
    @Override
    public boolean readsCloseOnly() {
        return true;
    }

    @Override
    protected double compute(double open, double high, double low, double close, double volume) {
        push(close);
        return filled == barCount ? hi / barCount : Double.NaN;
    }

    @Override
    public void updateAll(OhlcvSeries bars, int from, int to) {
        Objects.checkFromToIndex(from, to, bars.size());
        int n = barCount;
        for (int b = from; b < to; b++) {
            push(bars.close(b));
            append(filled == n ? hi / n : Double.NaN);
        }
    }

    /** Adds {@code close} to the window and takes out the close it replaces, keeping hi + lo exact. */
    private void push(double close) {
        double leaving = 0;
        if (filled == barCount) {
            leaving = window[next];
        } else {
            filled++;
        }
        window[next] = close;
        next = next + 1 == barCount ? 0 : next + 1;
        if (!exact || !add(close) || !add(-leaving)) {
            resum();
        }
    }

    /**
     * Adds {@code v} to the pair: returns false when the result is not exactly {@code hi + lo}
     * any more, so that the caller sums afresh.
     */
    private boolean add(double v) {
        // hi + v = s + e exactly (TwoSum), then lo + e = t + f exactly.
        double s = hi + v;
        double vv = s - hi;
        double e = (hi - (s - vv)) + (v - vv);
        double t = lo + e;
        double ee = t - lo;
        double f = (lo - (t - ee)) + (e - ee);
        // s + t renormalised: hi the rounded sum, lo the exact rest (TwoSum).
        double h = s + t;
        double tt = h - s;
        double r = (s - (h - tt)) + (t - tt);
        // Exact while nothing was left over (f) and the rest still fits beside hi; r + f would
        // need a third component.
        hi = h;
        lo = r;
        return f == 0 && Double.isFinite(h);
    }

    /** Sums the window afresh, exactly (Shewchuk's partials, as Python's math.fsum). */
    private void resum() {
        double[] partials = new double[window.length + 1];
        int count = 0;
        for (int k = 0; k < filled; k++) {
            double x = window[k];
            int kept = 0;
            for (int j = 0; j < count; j++) {
                double y = partials[j];
                if (Math.abs(x) < Math.abs(y)) {
                    double swap = x;
                    x = y;
                    y = swap;
                }
                double high = x + y;
                double low = y - (high - x);
                if (low != 0) {
                    partials[kept++] = low;
                }
                x = high;
            }
            partials[kept++] = x;
            count = kept;
        }
        // The partials are non-overlapping, increasing in magnitude: their correctly rounded sum.
        double sum = 0;
        double rest = 0;
        if (count > 0) {
            int j = count - 1;
            sum = partials[j];
            while (j > 0) {
                double x = sum;
                double y = partials[--j];
                sum = x + y;
                double yr = sum - x;
                rest = y - yr;
                if (rest != 0) {
                    break;
                }
            }
            // Half-way cases: round as math.fsum does, using the sign of the next partial.
            if (j > 0 && ((rest < 0 && partials[j - 1] < 0) || (rest > 0 && partials[j - 1] > 0))) {
                double y = rest * 2;
                double x = sum + y;
                if (y == x - sum) {
                    sum = x;
                }
            }
        }
        hi = sum;
        lo = exactRest(partials, count, sum);
        exact = count <= 2;
    }

    /** Returns the exact sum of the partials minus {@code rounded}, rounded: what remains beside it. */
    private static double exactRest(double[] partials, int count, double rounded) {
        double rest = -rounded;
        double correction = 0;
        for (int j = count - 1; j >= 0; j--) {
            double s = rest + partials[j];
            double bp = s - rest;
            correction += (rest - (s - bp)) + (partials[j] - bp);
            rest = s;
        }
        return rest + correction;
    }
}

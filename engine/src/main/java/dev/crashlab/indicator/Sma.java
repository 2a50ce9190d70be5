package dev.crashlab.indicator;

import dev.crashlab.data.OhlcvSeries;
import java.util.Objects;

/**
 * A simple moving average is the mean of the closes of the last {@code barCount} bars, the
 * current one included; NaN until {@code barCount} bars have been pushed. It agrees with ta4j's
 * {@code SMAIndicator} from then on (before, ta4j averages the bars it has).
 *
 * <p>The window sum is a running sum with Neumaier compensation: the closes entering and leaving
 * are added exactly enough that the sum does not drift, even over millions of bars through a
 * thousandfold fall in price.
 */
public final class Sma extends BarIndicator {

    private final int barCount;
    private final double[] window;
    private int next;
    private int filled;
    private double sum;
    private double compensation;

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
        double leaving = 0;
        if (filled == barCount) {
            leaving = window[next];
        } else {
            filled++;
        }
        window[next] = close;
        next = next + 1 == barCount ? 0 : next + 1;
        // The running sum and its compensation are read once and written once per bar, so the next
        // bar waits on two additions, not on a reload between them. While the window fills the
        // close leaving is 0, which leaves both unchanged.
        double s = sum;
        double c = compensation;
        double t = s - leaving;
        c += neumaierError(s, -leaving, t);
        s = t + close;
        c += neumaierError(t, close, s);
        sum = s;
        compensation = c;
        return filled == barCount ? (s + c) / barCount : Double.NaN;
    }

    /** Pushes the closes of bars {@code from} to {@code to - 1}, as {@link #compute} does, with the state in locals. */
    @Override
    public void updateAll(OhlcvSeries bars, int from, int to) {
        Objects.checkFromToIndex(from, to, bars.size());
        double[] w = window;
        int n = barCount;
        int k = next;
        int full = filled;
        double s = sum;
        double c = compensation;
        for (int b = from; b < to; b++) {
            double close = bars.close(b);
            double leaving = 0;
            if (full == n) {
                leaving = w[k];
            } else {
                full++;
            }
            w[k] = close;
            k = k + 1 == n ? 0 : k + 1;
            double t = s - leaving;
            c += neumaierError(s, -leaving, t);
            s = t + close;
            c += neumaierError(t, close, s);
            append(full == n ? (s + c) / n : Double.NaN);
        }
        next = k;
        filled = full;
        sum = s;
        compensation = c;
    }

    // Neumaier's variant of Kahan summation: the rounding error of sum = a + b, exact also when b
    // is larger than a.
    private static double neumaierError(double a, double b, double sum) {
        return Math.abs(a) >= Math.abs(b) ? (a - sum) + b : (b - sum) + a;
    }
}

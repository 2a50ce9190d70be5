package dev.crashlab.indicator;

import dev.crashlab.data.OhlcvSeries;
import java.util.Objects;

/**
 * A simple moving average is the mean of the closes of the last {@code barCount} bars, the
 * current one included; NaN until {@code barCount} bars have been pushed. It agrees with ta4j's
 * {@code SMAIndicator} from then on (before, ta4j averages the bars it has).
 *
 * <p>The window sum is a running sum, summed afresh from the window every {@value #RESUM} bars: its
 * rounding error is that of at most {@value #RESUM} additions, so it does not drift, even over
 * millions of bars through a thousandfold fall in price, and a bar costs two additions.
 */
public final class Sma extends BarIndicator {

    private final int barCount;
    private final double[] window;
    private int next;
    private int filled;
    private double sum;
    private int sinceResum;

    /** Bars between exact sums of the window: a running sum drifts by at most this many roundings. */
    static final int RESUM = 1024;

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
        sum += close - leaving;
        if (++sinceResum == RESUM) {
            sum = exactSum(window);
            sinceResum = 0;
        }
        return filled == barCount ? sum / barCount : Double.NaN;
    }

    @Override
    public void updateAll(OhlcvSeries bars, int from, int to) {
        Objects.checkFromToIndex(from, to, bars.size());
        double[] w = window;
        int n = barCount;
        int k = next;
        int full = filled;
        int since = sinceResum;
        double s = sum;
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
            // One addition on the chain from bar to bar, not two: half the latency per bar.
            s += close - leaving;
            if (++since == RESUM) {
                s = exactSum(w);
                since = 0;
            }
            append(full == n ? s / n : Double.NaN);
        }
        next = k;
        filled = full;
        sinceResum = since;
        sum = s;
    }

    /** Returns the sum of the window in one pass; slots not yet filled hold 0. */
    private static double exactSum(double[] window) {
        double s = 0;
        for (double v : window) {
            s += v;
        }
        return s;
    }
}

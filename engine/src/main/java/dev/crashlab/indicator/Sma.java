package dev.crashlab.indicator;

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

    @Override
    protected double compute(double open, double high, double low, double close, double volume) {
        if (filled == barCount) {
            add(-window[next]);
        } else {
            filled++;
        }
        window[next] = close;
        next = next + 1 == barCount ? 0 : next + 1;
        add(close);
        return filled == barCount ? (sum + compensation) / barCount : Double.NaN;
    }

    // Neumaier's variant of Kahan summation: keeps the rounding error of each addition, also when
    // the term is larger than the running sum.
    private void add(double term) {
        double t = sum + term;
        compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
        sum = t;
    }
}

package dev.crashlab.indicator;

/**
 * An exponential moving average is a mean of closes whose weights decay by {@code 1 - k} per bar,
 * {@code k = 2 / (barCount + 1)}, defined as ta4j 0.22's {@code EMAIndicator} defines it: NaN for
 * the first {@code barCount} bars, then the close of the bar after them (index
 * {@code barCount}, counting from 0) as the seed, then {@code ema += (close - ema) * k} each bar.
 *
 * <p>Unlike textbook definitions seeded with the first close or a first SMA, ta4j discards the
 * bars before the seed; following it exactly keeps crashlab's values equal to ta4j's.
 */
public final class Ema extends BarIndicator {

    private final int barCount;
    private final double k;
    private int seen;
    private double ema;

    /**
     * Creates the exponential average of closes over {@code barCount} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1
     */
    public Ema(int barCount) {
        this(barCount, ValueHistory.DEFAULT_CAPACITY);
    }

    /**
     * Creates the exponential average of closes over {@code barCount} bars, with room in its
     * history for {@code capacityHint} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1 or {@code capacityHint} negative
     */
    public Ema(int barCount, int capacityHint) {
        super(capacityHint);
        this.barCount = Parameters.atLeast("Ema", "barCount", barCount, 1);
        this.k = 2.0 / (barCount + 1);
    }

    /** Returns true: this indicator reads the close alone. */
    @Override
    public boolean readsCloseOnly() {
        return true;
    }

    @Override
    protected double compute(double open, double high, double low, double close, double volume) {
        if (seen < barCount) {
            seen++;
            return Double.NaN;
        }
        if (seen == barCount) {
            seen++;
            ema = close;
        } else {
            ema = ema + (close - ema) * k;
        }
        return ema;
    }
}

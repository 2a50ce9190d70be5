package dev.crashlab.indicator;

/**
 * The relative strength index compares the average gain of the close to its average loss, on
 * a scale from 0 to 100 (not a fraction, as is usual for RSI): {@code 100 - 100 / (1 + avgGain /
 * avgLoss)}, 100 when there were no losses and 0 when there was no change at all.
 *
 * <p>It is defined as ta4j 0.22's {@code RSIIndicator} defines it. The gain and loss of a bar are
 * the rise and fall of its close from the previous close (0 at the first bar), each averaged by
 * Wilder's smoothing ({@code avg += (x - avg) / barCount}, ta4j's {@code MMAIndicator}) seeded
 * with the gain and loss of bar {@code barCount} alone. NaN for the first {@code barCount} bars.
 */
public final class Rsi extends BarIndicator {

    private final int barCount;
    private final double k;
    private int seen;
    private double previousClose;
    private double averageGain;
    private double averageLoss;

    /**
     * Creates the RSI over {@code barCount} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1
     */
    public Rsi(int barCount) {
        this(barCount, ValueHistory.DEFAULT_CAPACITY);
    }

    /**
     * Creates the RSI over {@code barCount} bars, with room in its history for {@code capacityHint}
     * bars.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1 or {@code capacityHint} negative
     */
    public Rsi(int barCount, int capacityHint) {
        super(capacityHint);
        this.barCount = Parameters.atLeast("Rsi", "barCount", barCount, 1);
        this.k = 1.0 / barCount;
    }

    /** Returns true: this indicator reads the close alone. */
    @Override
    public boolean readsCloseOnly() {
        return true;
    }

    @Override
    protected double compute(double open, double high, double low, double close, double volume) {
        double gain = 0;
        double loss = 0;
        if (seen > 0) {
            gain = close > previousClose ? close - previousClose : 0;
            loss = close < previousClose ? previousClose - close : 0;
        }
        previousClose = close;
        if (seen < barCount) {
            seen++;
            return Double.NaN;
        }
        if (seen == barCount) {
            seen++;
            averageGain = gain;
            averageLoss = loss;
        } else {
            averageGain = averageGain + (gain - averageGain) * k;
            averageLoss = averageLoss + (loss - averageLoss) * k;
        }
        if (averageLoss == 0) {
            return averageGain == 0 ? 0 : 100;
        }
        return 100 - 100 / (1 + averageGain / averageLoss);
    }
}

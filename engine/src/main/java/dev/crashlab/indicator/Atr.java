package dev.crashlab.indicator;

/**
 * The average true range is the average, by Wilder's smoothing, of each bar's true range: the
 * largest of {@code high - low}, {@code |high - previousClose|} and {@code |previousClose - low|},
 * in the instrument's quote currency.
 *
 * <p>It is defined as ta4j 0.22's {@code ATRIndicator} defines it: the smoothing
 * ({@code atr += (tr - atr) / barCount}, ta4j's {@code MMAIndicator}) is seeded with the true
 * range of bar {@code barCount} alone, and the value is NaN for the first {@code barCount} bars.
 * ta4j's special true range of the first bar ({@code high - low}, having no previous close) is
 * therefore never used.
 */
public final class Atr extends BarIndicator {

    private final int barCount;
    private final double k;
    private int seen;
    private double previousClose;
    private double atr;

    /**
     * Creates the ATR over {@code barCount} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1
     */
    public Atr(int barCount) {
        this(barCount, ValueHistory.DEFAULT_CAPACITY);
    }

    /**
     * Creates the ATR over {@code barCount} bars, with room in its history for {@code capacityHint}
     * bars.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1 or {@code capacityHint} negative
     */
    public Atr(int barCount, int capacityHint) {
        super(capacityHint);
        this.barCount = Parameters.atLeast("Atr", "barCount", barCount, 1);
        this.k = 1.0 / barCount;
    }

    @Override
    protected double compute(double open, double high, double low, double close, double volume) {
        double previous = previousClose;
        previousClose = close;
        if (seen < barCount) {
            seen++;
            return Double.NaN;
        }
        double trueRange = Math.max(Math.max(Math.abs(high - low), Math.abs(high - previous)), Math.abs(previous - low));
        if (seen == barCount) {
            seen++;
            atr = trueRange;
        } else {
            atr = atr + (trueRange - atr) * k;
        }
        return atr;
    }
}

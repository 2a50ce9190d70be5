package dev.crashlab.indicator;

/**
 * Realised volatility is the annualised sample standard deviation of the last {@code barCount}
 * one-bar simple returns: {@code sqrt(sum((r - mean)^2) / (barCount - 1)) * sqrt(periodsPerYear)},
 * with {@code r = close / previousClose - 1}, a fraction per year ({@code 0.6} is 60 %). NaN
 * until {@code barCount + 1} bars have been pushed.
 *
 * <p>{@code periodsPerYear} is the number of bars in a year: 365 for daily crypto bars, 252 for
 * daily equity bars, 52 for weekly bars. ta4j's {@code StandardDeviationIndicator} is the
 * population deviation (divided by {@code barCount}); this one is the sample deviation, larger by
 * {@code sqrt(barCount / (barCount - 1))}.
 */
public final class RealizedVolatility extends BarIndicator {

    private final int barCount;
    private final double annualisation;
    private final WindowMoments returns;
    private double previousClose = Double.NaN;

    /**
     * Creates the volatility of the last {@code barCount} one-bar returns, annualised with
     * {@code periodsPerYear} bars a year.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 2 or {@code periodsPerYear}
     *         is not finite and positive
     */
    public RealizedVolatility(int barCount, double periodsPerYear) {
        this(barCount, periodsPerYear, ValueHistory.DEFAULT_CAPACITY);
    }

    /**
     * Creates the volatility of the last {@code barCount} one-bar returns, annualised with
     * {@code periodsPerYear} bars a year, with room in its history for {@code capacityHint} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 2, {@code periodsPerYear}
     *         is not finite and positive, or {@code capacityHint} is negative
     */
    public RealizedVolatility(int barCount, double periodsPerYear, int capacityHint) {
        super(capacityHint);
        // A sample deviation needs at least two returns.
        this.barCount = Parameters.atLeast("RealizedVolatility", "barCount", barCount, 2);
        this.annualisation = Math.sqrt(Parameters.positive("RealizedVolatility", "periodsPerYear", periodsPerYear));
        this.returns = new WindowMoments(barCount);
    }

    /** Returns true: this indicator reads the close alone. */
    @Override
    public boolean readsCloseOnly() {
        return true;
    }

    @Override
    protected double compute(double open, double high, double low, double close, double volume) {
        if (!Double.isNaN(previousClose)) {
            // Only the x side of the moments is used; y stays 0.
            returns.push(close / previousClose - 1, 0);
        }
        previousClose = close;
        if (!returns.isFull()) {
            return Double.NaN;
        }
        return Math.sqrt(returns.squaresX() / (barCount - 1)) * annualisation;
    }
}

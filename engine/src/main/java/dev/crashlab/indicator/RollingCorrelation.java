package dev.crashlab.indicator;

/**
 * A rolling correlation is the Pearson correlation of two streams over their last
 * {@code barCount} pairs, pushed together through {@link #update(double, double)}: for example
 * the one-bar returns of two instruments, at the steps where both have a bar. It lies in
 * [-1, 1]; NaN until {@code barCount} pairs have been pushed, and while either stream is
 * constant over the window.
 *
 * <p>It agrees with ta4j's {@code CorrelationCoefficientIndicator}, which divides a population
 * covariance by population deviations: the {@code 1 / n} factors cancel, so the sample and
 * population definitions give the same correlation. Unlike a {@link BarIndicator}, it is fed by
 * the engine with values of its choosing, not with one instrument's bars.
 */
public final class RollingCorrelation implements FastIndicator {

    private final ValueHistory history;
    private final WindowMoments moments;

    /**
     * Creates the correlation over the last {@code barCount} pairs.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 2
     */
    public RollingCorrelation(int barCount) {
        this(barCount, ValueHistory.DEFAULT_CAPACITY);
    }

    /**
     * Creates the correlation over the last {@code barCount} pairs, with room in its history for
     * {@code capacityHint} updates.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 2 or {@code capacityHint} negative
     */
    public RollingCorrelation(int barCount, int capacityHint) {
        this.history = new ValueHistory("RollingCorrelation", capacityHint);
        // One pair has no deviation, so no correlation.
        this.moments = new WindowMoments(Parameters.atLeast("RollingCorrelation", "barCount", barCount, 2));
    }

    /** Pushes the next pair of values, {@code a} from the first stream and {@code b} from the second. */
    public void update(double a, double b) {
        moments.push(a, b);
        history.append(moments.isFull() ? correlation() : Double.NaN);
    }

    private double correlation() {
        double squaresA = moments.squaresX();
        double squaresB = moments.squaresY();
        if (squaresA == 0 || squaresB == 0) {
            return Double.NaN;
        }
        // Two roots rather than the root of a product, which could underflow for tiny values.
        return moments.crossProducts() / (Math.sqrt(squaresA) * Math.sqrt(squaresB));
    }

    @Override
    public double value() {
        return history.latest();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code barsAgo} is negative: that would be a future update
     */
    @Override
    public double value(int barsAgo) {
        return history.barsAgo(barsAgo);
    }

    /** Returns the number of pairs pushed so far. */
    public int size() {
        return history.size();
    }
}

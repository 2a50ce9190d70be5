package dev.crashlab.indicator;

/**
 * Returns are the simple return of the close over the last {@code barCount} bars:
 * {@code close / close[barCount bars ago] - 1}, a fraction ({@code 0.05} is a 5 % gain). NaN
 * until {@code barCount + 1} bars have been pushed. It agrees with ta4j's {@code ROCIndicator}
 * divided by 100 (ta4j gives percent).
 */
public final class Returns extends BarIndicator {

    private final int barCount;
    private final double[] pastCloses;
    private int next;
    private int filled;

    /**
     * Creates the simple return over {@code barCount} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1
     */
    public Returns(int barCount) {
        this(barCount, ValueHistory.DEFAULT_CAPACITY);
    }

    /**
     * Creates the simple return over {@code barCount} bars, with room in its history for
     * {@code capacityHint} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1 or {@code capacityHint} negative
     */
    public Returns(int barCount, int capacityHint) {
        super(capacityHint);
        this.barCount = Parameters.atLeast("Returns", "barCount", barCount, 1);
        this.pastCloses = new double[barCount];
    }

    /** Returns true: this indicator reads the close alone. */
    @Override
    public boolean readsCloseOnly() {
        return true;
    }

    @Override
    protected double compute(double open, double high, double low, double close, double volume) {
        double then = Double.NaN;
        if (filled == barCount) {
            then = pastCloses[next];
        } else {
            filled++;
        }
        pastCloses[next] = close;
        next = next + 1 == barCount ? 0 : next + 1;
        return close / then - 1;
    }
}

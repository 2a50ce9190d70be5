package dev.crashlab.indicator;

/**
 * The drawdown from high is how far the close is below the highest close of the last
 * {@code barCount} bars, the current one included, or of all bars so far when {@code barCount}
 * is 0: {@code close / highestClose - 1}, a fraction at most 0 ({@code -0.25} is 25 % below the
 * high). NaN until {@code barCount} bars have been pushed.
 */
public final class DrawdownFromHigh extends BarIndicator {

    private final WindowMax highestClose;

    /**
     * Creates the drawdown from the highest close of the last {@code barCount} bars (0: all bars).
     *
     * @throws IllegalArgumentException if {@code barCount} is negative
     */
    public DrawdownFromHigh(int barCount) {
        this(barCount, ValueHistory.DEFAULT_CAPACITY);
    }

    /**
     * Creates the drawdown from the highest close of the last {@code barCount} bars (0: all bars),
     * with room in its history for {@code capacityHint} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} or {@code capacityHint} is negative
     */
    public DrawdownFromHigh(int barCount, int capacityHint) {
        super(capacityHint);
        this.highestClose = new WindowMax(Parameters.atLeast("DrawdownFromHigh", "barCount", barCount, 0));
    }

    /** Returns true: this indicator reads the close alone. */
    @Override
    public boolean readsCloseOnly() {
        return true;
    }

    @Override
    protected double compute(double open, double high, double low, double close, double volume) {
        // NaN while the window fills, since NaN propagates through the division.
        return close / highestClose.push(close) - 1;
    }
}

package dev.crashlab.indicator;

import java.util.Objects;

/**
 * A rolling min is the lowest value of one price field over the last {@code barCount} bars, the
 * current one included, or over all bars so far when {@code barCount} is 0; NaN until
 * {@code barCount} bars have been pushed. It agrees with ta4j's {@code LowestValueIndicator}
 * from then on, at O(1) amortised cost per bar instead of O(barCount).
 */
public final class RollingMin extends BarIndicator {

    private final PriceField field;
    // The lowest value is minus the highest negated value; negation is exact in floating point.
    private final WindowMax negatedWindow;

    /**
     * Creates the lowest {@code field} over the last {@code barCount} bars (0: all bars).
     *
     * @throws IllegalArgumentException if {@code barCount} is negative
     * @throws NullPointerException if {@code field} is null
     */
    public RollingMin(int barCount, PriceField field) {
        this(barCount, field, ValueHistory.DEFAULT_CAPACITY);
    }

    /**
     * Creates the lowest {@code field} over the last {@code barCount} bars (0: all bars), with room
     * in its history for {@code capacityHint} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} or {@code capacityHint} is negative
     * @throws NullPointerException if {@code field} is null
     */
    public RollingMin(int barCount, PriceField field, int capacityHint) {
        super(capacityHint);
        this.field = Objects.requireNonNull(field, "RollingMin field");
        this.negatedWindow = new WindowMax(Parameters.atLeast("RollingMin", "barCount", barCount, 0));
    }

    /** Returns whether the field read is the close. */
    @Override
    public boolean readsCloseOnly() {
        return field == PriceField.CLOSE;
    }

    @Override
    protected double compute(double open, double high, double low, double close, double volume) {
        return -negatedWindow.push(-field.of(open, high, low, close));
    }
}

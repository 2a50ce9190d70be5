package dev.crashlab.indicator;

import java.util.Objects;

/**
 * A rolling max is the highest value of one price field over the last {@code barCount} bars, the
 * current one included, or over all bars so far when {@code barCount} is 0; NaN until
 * {@code barCount} bars have been pushed. It agrees with ta4j's {@code HighestValueIndicator}
 * from then on, at O(1) amortised cost per bar instead of O(barCount).
 */
public final class RollingMax extends BarIndicator {

    private final PriceField field;
    private final WindowMax window;

    /**
     * Creates the highest {@code field} over the last {@code barCount} bars (0: all bars).
     *
     * @throws IllegalArgumentException if {@code barCount} is negative
     * @throws NullPointerException if {@code field} is null
     */
    public RollingMax(int barCount, PriceField field) {
        this(barCount, field, ValueHistory.DEFAULT_CAPACITY);
    }

    /**
     * Creates the highest {@code field} over the last {@code barCount} bars (0: all bars), with room
     * in its history for {@code capacityHint} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} or {@code capacityHint} is negative
     * @throws NullPointerException if {@code field} is null
     */
    public RollingMax(int barCount, PriceField field, int capacityHint) {
        super(capacityHint);
        this.field = Objects.requireNonNull(field, "RollingMax field");
        this.window = new WindowMax(Parameters.atLeast("RollingMax", "barCount", barCount, 0));
    }

    /** Returns whether the field read is the close. */
    @Override
    public boolean readsCloseOnly() {
        return field == PriceField.CLOSE;
    }

    @Override
    protected double compute(double open, double high, double low, double close, double volume) {
        return window.push(field.of(open, high, low, close));
    }
}

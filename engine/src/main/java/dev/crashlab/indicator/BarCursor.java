package dev.crashlab.indicator;

import java.util.Objects;

/**
 * A bar cursor says which bar of an instrument is current: {@code positions[index]}, an entry of
 * an array the engine moves forward as the backtest advances. A {@linkplain BarIndicator#boundedBy
 * bounded view} reads an indicator's values up to the cursor and no further. A final class rather
 * than a function, so that the read compiles to one array load on the hot path.
 */
public final class BarCursor {

    private final int[] positions;
    private final int index;

    /** Creates the cursor that reads {@code positions[index]}. */
    public BarCursor(int[] positions, int index) {
        this.positions = Objects.requireNonNull(positions, "positions");
        this.index = Objects.checkIndex(index, positions.length);
    }

    /** Returns the index of the current bar; -1 before the first. */
    public int current() {
        return positions[index];
    }
}

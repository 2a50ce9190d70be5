package dev.crashlab.indicator;

/**
 * A window max is the largest of the last {@code barCount} values pushed to it, or of all of them
 * when {@code barCount} is 0, in amortised O(1) time per push: a {@link MaxDeque} keyed by the
 * position at which each value was pushed, which never holds more than {@code barCount} entries.
 */
final class WindowMax {

    private final int barCount;
    private final MaxDeque deque;
    private int pushes;
    private double allTimeMax = Double.NaN;

    /** Creates an empty window over the last {@code barCount} values, or over all of them when 0. */
    WindowMax(int barCount) {
        this.barCount = barCount;
        this.deque = barCount == 0 ? null : new MaxDeque(barCount);
    }

    /**
     * Pushes the next value and returns the largest in the window, or NaN until the window holds
     * {@code barCount} values. An all-time window is defined from the first value.
     */
    double push(double value) {
        // Cannot overflow: a history refuses to hold more than about 2^31 values.
        int position = pushes++;
        if (barCount == 0) {
            allTimeMax = position == 0 ? value : Math.max(allTimeMax, value);
            return allTimeMax;
        }
        deque.dropBefore(position - barCount + 1);
        deque.add(position, value);
        return pushes >= barCount ? deque.max() : Double.NaN;
    }
}

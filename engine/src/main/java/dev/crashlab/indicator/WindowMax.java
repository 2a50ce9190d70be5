package dev.crashlab.indicator;

/**
 * A window max is the largest of the last {@code barCount} values pushed to it, or of all of them
 * when {@code barCount} is 0, in amortised O(1) time per push.
 *
 * <p>It keeps a monotonic deque in two primitive ring arrays: the values that can still become the
 * window's largest, in decreasing order, with the position at which each was pushed. A new value
 * evicts the smaller ones before it (they can never be the largest again), and the front leaves
 * once it falls out of the window, so the deque never holds more than {@code barCount} entries.
 */
final class WindowMax {

    private final int barCount;
    private final double[] values;
    private final int[] positions;
    private int head;
    private int size;
    private int pushes;
    private double allTimeMax = Double.NaN;

    /** Creates an empty window over the last {@code barCount} values, or over all of them when 0. */
    WindowMax(int barCount) {
        this.barCount = barCount;
        this.values = new double[barCount];
        this.positions = new int[barCount];
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
        if (size > 0 && positions[head] <= position - barCount) {
            head = next(head);
            size--;
        }
        while (size > 0 && values[back()] <= value) {
            size--;
        }
        int tail = head + size;
        if (tail >= barCount) {
            tail -= barCount;
        }
        values[tail] = value;
        positions[tail] = position;
        size++;
        return pushes >= barCount ? values[head] : Double.NaN;
    }

    private int back() {
        int back = head + size - 1;
        return back >= barCount ? back - barCount : back;
    }

    private int next(int slot) {
        return slot + 1 == barCount ? 0 : slot + 1;
    }
}

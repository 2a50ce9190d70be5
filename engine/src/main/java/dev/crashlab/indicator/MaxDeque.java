package dev.crashlab.indicator;

import java.util.Arrays;

/**
 * A max deque holds, of the values added to it with non-decreasing keys, those that can still be
 * the largest of a window whose lower key bound only rises: in decreasing order of value, each
 * with its key. Adding a value evicts the values before it that are not larger (they leave the
 * window before it, so can never be its largest again), and {@link #dropBefore} lets the front
 * leave; each value enters and leaves once, so both are O(1) amortised. Keys are positions for a
 * window of bars, epoch days for a window of calendar days.
 *
 * <p>Of equal values the latest is kept: the window's largest is the same value either way (the
 * prices pushed are finite and positive, so no {@code -0.0} can stand for {@code 0.0}).
 *
 * <p>Two primitive ring arrays, grown by doubling when full: a window of at most {@code capacity}
 * entries never allocates after construction.
 */
final class MaxDeque {

    private double[] values;
    private long[] keys;
    private int head;
    private int size;

    /** Creates an empty deque with room for {@code capacity} entries (at least one) before it grows. */
    MaxDeque(int capacity) {
        int room = Math.max(1, capacity);
        values = new double[room];
        keys = new long[room];
    }

    /** Adds {@code value} at {@code key}, at least the key of every value added before. */
    void add(long key, double value) {
        while (size > 0 && values[slot(size - 1)] <= value) {
            size--;
        }
        if (size == values.length) {
            grow();
        }
        int tail = slot(size);
        values[tail] = value;
        keys[tail] = key;
        size++;
    }

    /** Removes the values whose key is below {@code key}. */
    void dropBefore(long key) {
        while (size > 0 && keys[head] < key) {
            head = head + 1 == values.length ? 0 : head + 1;
            size--;
        }
    }

    /** Returns the largest value held, or NaN when there is none. */
    double max() {
        return size == 0 ? Double.NaN : values[head];
    }

    /** Returns the array index of the {@code k}-th entry from the front. */
    private int slot(int k) {
        int s = head + k;
        return s >= values.length ? s - values.length : s;
    }

    /** Doubles the arrays, unrolling the ring so that the front is at index 0. */
    private void grow() {
        int capacity = values.length;
        double[] v = Arrays.copyOf(values, 2 * capacity);
        long[] k = Arrays.copyOf(keys, 2 * capacity);
        for (int j = 0; j < head; j++) {
            v[capacity + j] = values[j];
            k[capacity + j] = keys[j];
        }
        values = v;
        keys = k;
    }
}

package dev.crashlab.indicator;

import java.util.Arrays;

/**
 * A value history is the sequence of an indicator's values, one per update and oldest first, in a
 * primitive array that grows by doubling, so that appending allocates only when it grows.
 */
final class ValueHistory {

    /** The capacity of a history whose owner was given no hint. */
    static final int DEFAULT_CAPACITY = 256;

    private static final int MIN_GROWTH = 16;
    // Arrays a little below Integer.MAX_VALUE are the largest some VMs can allocate.
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private double[] values;
    private int count;

    /** Creates an empty history with room for {@code capacityHint} values before it first grows. */
    ValueHistory(String owner, int capacityHint) {
        values = new double[Parameters.atLeast(owner, "capacityHint", capacityHint, 0)];
    }

    /** Appends the value of the newest bar. */
    void append(double value) {
        if (count == values.length) {
            grow();
        }
        values[count++] = value;
    }

    /**
     * Returns the array of values, grown if needed so that {@code more} values fit after the
     * {@link #size()} appended; the caller writes them there and counts them with {@link #appended}.
     */
    double[] reserve(int more) {
        long needed = (long) count + more;
        if (needed > values.length) {
            if (needed > MAX_CAPACITY) {
                throw full();
            }
            long doubled = Math.max(MIN_GROWTH, 2L * values.length);
            values = Arrays.copyOf(values, (int) Math.max(needed, Math.min(MAX_CAPACITY, doubled)));
        }
        return values;
    }

    /** Counts {@code more} values written in place after {@link #reserve}. */
    void appended(int more) {
        if (more < 0 || more > values.length - count) {
            throw new IllegalArgumentException("cannot count " + more + " values appended: room for " + (values.length - count));
        }
        count += more;
    }

    /** Returns the newest value, or NaN when the history is empty. */
    double latest() {
        return count == 0 ? Double.NaN : values[count - 1];
    }

    /** Returns the value {@code barsAgo} updates before the newest, or NaN before the first. */
    double barsAgo(int barsAgo) {
        if (barsAgo < 0) {
            // A negative offset would ask for a future bar: refuse rather than answer NaN.
            throw negativeBarsAgo(barsAgo);
        }
        int i = count - 1 - barsAgo;
        return i >= 0 ? values[i] : Double.NaN;
    }

    /**
     * Returns the value appended {@code index}-th (from 0), or NaN for a negative index.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
     */
    double at(int index) {
        if (index >= count) {
            throw notPushed(index);
        }
        return index >= 0 ? values[index] : Double.NaN;
    }

    /**
     * Returns whether this history crossed {@code other} at index {@code b}, by the rule of
     * {@link FastIndicator#crossedAbove}: strictly above at {@code b} ({@code above}; below
     * otherwise), and below (above) at the last earlier index where the two differ, a tie neither
     * crossing nor resetting; never before both are defined. Reads straight from the arrays,
     * under one check that {@code b} has been pushed in both.
     */
    boolean crossed(ValueHistory other, int b, boolean above) {
        if (b >= count || b >= other.count) {
            throw notPushed(b);
        }
        if (b < 1) {
            return false;
        }
        double[] x = values;
        double[] y = other.values;
        if (!(above ? x[b] > y[b] : x[b] < y[b])) {
            return false;
        }
        for (int k = b - 1; k >= 0; k--) {
            if (Double.isNaN(x[k]) || Double.isNaN(y[k])) {
                return false;
            }
            if (x[k] != y[k]) {
                return above ? x[k] < y[k] : x[k] > y[k];
            }
        }
        return false;
    }

    /** Returns the error for a negative {@code barsAgo}, which would be a future bar. */
    static IllegalArgumentException negativeBarsAgo(int barsAgo) {
        return new IllegalArgumentException("barsAgo must be at least 0, got " + barsAgo);
    }

    // Out of line, so that the hot caller stays small enough for the JIT to inline.
    private IndexOutOfBoundsException notPushed(int index) {
        return new IndexOutOfBoundsException("bar " + index + " has not been pushed: " + count + " bars have been");
    }

    /** Returns the number of values appended. */
    int size() {
        return count;
    }

    private void grow() {
        if (count == MAX_CAPACITY) {
            throw full();
        }
        long doubled = Math.max(MIN_GROWTH, 2L * values.length);
        values = Arrays.copyOf(values, (int) Math.min(MAX_CAPACITY, doubled));
    }

    private static IllegalStateException full() {
        return new IllegalStateException("an indicator's history cannot hold more than " + MAX_CAPACITY + " values");
    }
}

package dev.crashlab.backtest;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Where the k-th entry of a sequence kept in blocks lives: blocks of 16, 32, 64, ... entries up to
 * {@value #LAST}, then blocks of {@value #LAST}. A sequence that grows this way allocates what it
 * keeps and at most one block more, never copies what it holds (an array growing by doubling
 * allocates two to four times its final size in all), and a short one stays small: a sweep's
 * variant with ten fills has one block of 16.
 */
final class Blocks {

    /** The length of the first block. */
    static final int FIRST = 16;
    /** The length of every block from the {@value #GROWING}-th on. */
    static final int LAST = 8192;
    /** The number of growing blocks (16 to 4096): entries below {@link #GROWN} are in them. */
    private static final int GROWING = 9;
    /** The number of entries the growing blocks hold. */
    private static final int GROWN = FIRST * ((1 << GROWING) - 1);

    private Blocks() {
    }

    /** Returns the block of entry {@code k}. */
    static int block(int k) {
        if (k < GROWN) {
            return 31 - Integer.numberOfLeadingZeros((k >>> 4) + 1);
        }
        return GROWING + (k - GROWN) / LAST;
    }

    /** Returns the position of entry {@code k} in its block. */
    static int offset(int k) {
        if (k < GROWN) {
            return k - FIRST * ((1 << block(k)) - 1);
        }
        return (k - GROWN) % LAST;
    }

    /**
     * Returns {@code column}, a block's column of {@code length} kept only once an entry differs
     * from {@code usual} (allocated and filled with {@code usual} when null), with {@code value} at
     * {@code k}.
     */
    static double[] set(double[] column, int length, int k, double value, double usual) {
        double[] c = column;
        if (c == null) {
            c = new double[length];
            if (Double.doubleToRawLongBits(usual) != 0) {
                Arrays.fill(c, usual);
            }
        }
        c[k] = value;
        return c;
    }

    /** Returns {@code column}, a block's column of {@code length} kept only once an entry is set (allocated when null), with {@code value} at {@code k}. */
    static <T> T[] set(T[] column, IntFunction<T[]> make, int length, int k, T value) {
        T[] c = column == null ? make.apply(length) : column;
        c[k] = value;
        return c;
    }

    /** Returns the length of block {@code b}. */
    static int length(int b) {
        return b < GROWING ? FIRST << b : LAST;
    }
}

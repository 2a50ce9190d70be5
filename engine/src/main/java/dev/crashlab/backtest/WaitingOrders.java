package dev.crashlab.backtest;

import dev.crashlab.strategy.Order;
import java.util.Arrays;

/**
 * The orders waiting to fill, oldest first, as parallel columns: each order, its instrument's
 * index, the instant its step's bars closed (UTC epoch milliseconds: it may fill only on a bar
 * that starts at or after it) and whether it is {@code forced}, a liquidation's close of a
 * position whose market had no bar when the account was liquidated (it fills at that market's
 * next open, as a liquidation). Columns rather than an entry object per order: a run of
 * 200,000 orders made as many 32 B entries.
 */
final class WaitingOrders {

    private Order[] orders = new Order[8];
    private int[] instruments = new int[8];
    private long[] decided = new long[8];
    private boolean[] forced = new boolean[8];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Order order(int k) {
        return orders[k];
    }

    int instrument(int k) {
        return instruments[k];
    }

    long decided(int k) {
        return decided[k];
    }

    boolean forced(int k) {
        return forced[k];
    }

    /** Adds an order last. */
    void add(Order order, int instrument, long decidedAt, boolean isForced) {
        if (size == orders.length) {
            int capacity = size * 2;
            orders = Arrays.copyOf(orders, capacity);
            instruments = Arrays.copyOf(instruments, capacity);
            decided = Arrays.copyOf(decided, capacity);
            forced = Arrays.copyOf(forced, capacity);
        }
        orders[size] = order;
        instruments[size] = instrument;
        decided[size] = decidedAt;
        forced[size] = isForced;
        size++;
    }

    /** Removes the {@code k}-th order, keeping the others in order, and returns it. */
    Order remove(int k) {
        Order order = orders[k];
        int moved = size - k - 1;
        if (moved > 0) {
            System.arraycopy(orders, k + 1, orders, k, moved);
            System.arraycopy(instruments, k + 1, instruments, k, moved);
            System.arraycopy(decided, k + 1, decided, k, moved);
            System.arraycopy(forced, k + 1, forced, k, moved);
        }
        orders[--size] = null;
        return order;
    }
}

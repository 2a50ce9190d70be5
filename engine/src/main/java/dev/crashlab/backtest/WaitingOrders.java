package dev.crashlab.backtest;

import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.OrderType;
import java.util.Arrays;

/**
 * The orders waiting to fill, oldest first, as parallel columns: each order's fields, its
 * instrument's index, the instant its step's bars closed (UTC epoch milliseconds: it may fill
 * only on a bar that starts at or after it) and whether it is {@code forced}, a liquidation's
 * close of a position whose market had no bar when the account was liquidated (it fills at that
 * market's next open, as a liquidation). Columns rather than an object per order: the columns
 * are reused from order to order, so a run of 200,000 orders keeps no order object here (an
 * {@link Order} is built only when one is asked for, {@link #order}: for a message or the
 * strategy's list of open orders).
 */
final class WaitingOrders {

    private long[] ids = new long[8];
    private String[] symbols = new String[8];
    private Order.Side[] sides = new Order.Side[8];
    private OrderType[] types = new OrderType[8];
    private Order.Sizing[] sizings = new Order.Sizing[8];
    private double[] amounts = new double[8];
    private double[] prices = new double[8];
    private long[] submitted = new long[8];
    private String[] tags = new String[8];
    private int[] instruments = new int[8];
    private long[] decided = new long[8];
    private boolean[] forced = new boolean[8];
    private int size;
    /** The number of waiting limit and stop orders a strategy placed: none, and no step can be ambiguous. */
    private int priced;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Returns whether a limit or stop order a strategy placed is waiting (see {@code StepExecution.ambiguous}). */
    boolean anyPriced() {
        return priced > 0;
    }

    private static boolean priced(OrderType type, boolean isForced) {
        return type != OrderType.MARKET && !isForced;
    }

    /** Returns the {@code k}-th order, built from its fields. */
    Order order(int k) {
        return new Order(ids[k], symbols[k], sides[k], types[k], sizings[k], amounts[k], prices[k], submitted[k], tags[k]);
    }

    long id(int k) {
        return ids[k];
    }

    String symbol(int k) {
        return symbols[k];
    }

    Order.Side side(int k) {
        return sides[k];
    }

    OrderType type(int k) {
        return types[k];
    }

    Order.Sizing sizing(int k) {
        return sizings[k];
    }

    double amount(int k) {
        return amounts[k];
    }

    /** Returns the {@code k}-th order's limit or stop price, NaN for a market order. */
    double price(int k) {
        return prices[k];
    }

    String tag(int k) {
        return tags[k];
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

    /** Adds {@code order} last. */
    void add(Order order, int instrument, long decidedAt, boolean isForced) {
        add(order.id(), order.symbol(), order.side(), order.type(), order.sizing(), order.amount(), order.price(),
                order.submittedAtMillis(), order.tag(), instrument, decidedAt, isForced);
    }

    /** Adds last the order of these fields ({@link Order}'s). */
    void add(long id, String symbol, Order.Side side, OrderType type, Order.Sizing sizing, double amount, double price,
            long submittedAtMillis, String tag, int instrument, long decidedAt, boolean isForced) {
        if (size == ids.length) {
            grow();
        }
        ids[size] = id;
        symbols[size] = symbol;
        sides[size] = side;
        types[size] = type;
        sizings[size] = sizing;
        amounts[size] = amount;
        prices[size] = price;
        submitted[size] = submittedAtMillis;
        tags[size] = tag;
        instruments[size] = instrument;
        decided[size] = decidedAt;
        forced[size] = isForced;
        priced += priced(type, isForced) ? 1 : 0;
        size++;
    }

    private void grow() {
        int capacity = size * 2;
        ids = Arrays.copyOf(ids, capacity);
        symbols = Arrays.copyOf(symbols, capacity);
        sides = Arrays.copyOf(sides, capacity);
        types = Arrays.copyOf(types, capacity);
        sizings = Arrays.copyOf(sizings, capacity);
        amounts = Arrays.copyOf(amounts, capacity);
        prices = Arrays.copyOf(prices, capacity);
        submitted = Arrays.copyOf(submitted, capacity);
        tags = Arrays.copyOf(tags, capacity);
        instruments = Arrays.copyOf(instruments, capacity);
        decided = Arrays.copyOf(decided, capacity);
        forced = Arrays.copyOf(forced, capacity);
    }

    /** Removes the {@code k}-th order, keeping the others in order. */
    void remove(int k) {
        priced -= priced(types[k], forced[k]) ? 1 : 0;
        int moved = size - k - 1;
        if (moved > 0) {
            System.arraycopy(ids, k + 1, ids, k, moved);
            System.arraycopy(symbols, k + 1, symbols, k, moved);
            System.arraycopy(sides, k + 1, sides, k, moved);
            System.arraycopy(types, k + 1, types, k, moved);
            System.arraycopy(sizings, k + 1, sizings, k, moved);
            System.arraycopy(amounts, k + 1, amounts, k, moved);
            System.arraycopy(prices, k + 1, prices, k, moved);
            System.arraycopy(submitted, k + 1, submitted, k, moved);
            System.arraycopy(tags, k + 1, tags, k, moved);
            System.arraycopy(instruments, k + 1, instruments, k, moved);
            System.arraycopy(decided, k + 1, decided, k, moved);
            System.arraycopy(forced, k + 1, forced, k, moved);
        }
        size--;
        // References are dropped, so a removed order's strings are not kept alive.
        symbols[size] = null;
        tags[size] = null;
    }
}

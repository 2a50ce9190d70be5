package dev.crashlab.backtest;

import dev.crashlab.clock.MarketClock;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.OrderType;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A run's placed orders as columns, in the order placed, kept in {@link Blocks}: an order's
 * symbol, amount, step and kind (side, type and sizing in one byte) take 17 B; its id, time, price
 * and tag are kept only where they differ from their usual value (the id one more than the
 * previous order's, placed at its step's time, NaN, empty). {@link #asList()} builds each
 * {@link Order} when read: a run of 200,000 weekly purchases keeps no order object.
 */
final class OrderColumns extends BlockedColumns<OrderColumns.Block> {

    private static final long NAN_BITS = Double.doubleToRawLongBits(Double.NaN);
    private static final Order.Side[] SIDES = {null, Order.Side.BUY, Order.Side.SELL};
    private static final OrderType[] TYPES = OrderType.values();
    private static final Order.Sizing[] SIZINGS = Order.Sizing.values();

    /** One block of orders: the dense columns, and the others once an order of the block needs them. */
    static final class Block {
        final String[] symbol;
        final double[] amount;
        final int[] step;
        final byte[] kind;
        long[] id;
        long[] time;
        double[] price;
        String[] tag;

        Block(int length) {
            symbol = new String[length];
            amount = new double[length];
            step = new int[length];
            kind = new byte[length];
        }
    }

    private final MarketClock clock;

    /** Creates no orders on {@code clock}'s steps. */
    OrderColumns(MarketClock clock) {
        this.clock = clock;
    }

    /** Returns the time of step {@code step}, UTC epoch milliseconds: the first step's for {@code init} (step −1). */
    private long timeOf(int step) {
        return clock.timeMillis(Math.max(step, 0));
    }

    /** Appends the order of these fields ({@link Order}'s), placed at step {@code step} (−1 in {@code init}). */
    void add(int step, long id, String symbol, Order.Side side, OrderType type, Order.Sizing sizing, double amount,
            double price, long submittedAtMillis, String tag) {
        Block block = nextBlock();
        int k = free;
        block.symbol[k] = symbol;
        block.amount[k] = amount;
        block.step[k] = step;
        block.kind[k] = (byte) ((side == null ? 0 : side.ordinal() + 1) << 4 | type.ordinal() << 2 | sizing.ordinal());
        if (id != size + 1) {
            if (block.id == null) {
                block.id = new long[room];
                for (int j = 0; j < k; j++) {
                    block.id[j] = size - k + j + 1;
                }
            }
            block.id[k] = id;
        } else if (block.id != null) {
            block.id[k] = id;
        }
        if (submittedAtMillis != timeOf(step)) {
            if (block.time == null) {
                block.time = new long[room];
                for (int j = 0; j < k; j++) {
                    block.time[j] = timeOf(block.step[j]);
                }
            }
            block.time[k] = submittedAtMillis;
        } else if (block.time != null) {
            block.time[k] = submittedAtMillis;
        }
        if (Double.doubleToRawLongBits(price) != NAN_BITS) {
            block.price = Blocks.set(block.price, room, k, price, Double.NaN);
        }
        if (!tag.isEmpty()) {
            block.tag = Blocks.set(block.tag, String[]::new, room, k, tag);
        }
        appended();
    }

    @Override
    Block newBlock(int length) {
        return new Block(length);
    }

    /** Returns the number of orders. */
    int size() {
        return size;
    }

    /** Returns the {@code k}-th order placed, built from its columns. */
    Order get(int k) {
        Block block = blockOf(k);
        int j = Blocks.offset(k);
        int kind = block.kind[j];
        String tag = block.tag == null ? null : block.tag[j];
        return new Order(block.id == null ? k + 1 : block.id[j], block.symbol[j], SIDES[kind >>> 4], TYPES[kind >>> 2 & 3],
                SIZINGS[kind & 3], block.amount[j], block.price == null ? Double.NaN : block.price[j],
                block.time == null ? timeOf(block.step[j]) : block.time[j], tag == null ? "" : tag);
    }

    /** Returns the orders as an unmodifiable list whose elements are built when read. */
    List<Order> asList() {
        final class View extends AbstractList<Order> implements RandomAccess {
            @Override
            public Order get(int index) {
                return OrderColumns.this.get(index);
            }

            @Override
            public int size() {
                return size;
            }
        }
        return new View();
    }
}

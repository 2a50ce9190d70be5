package dev.crashlab.backtest;

import dev.crashlab.clock.MarketClock;
import dev.crashlab.data.Symbol;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Fills;

/**
 * A run's fills as columns, appended as they happen, with what results need beside each fill:
 * its step, its instrument's index and that instrument's carry before it. Kept in {@link Blocks}:
 * no copies as the run grows. A fill's step, instrument, quantity and price take 24 B; the other
 * fields are kept only where they differ from their usual value (the order one after the previous
 * fill's, fee 0, liquidation price NaN, carry 0, tag empty, an order's fill, at the start of its
 * step), block by block, so a run whose orders each fill once, without fees, carry or leverage,
 * pays nothing for them.
 */
final class FillColumns extends BlockedColumns<FillColumns.Block> implements Fills {

    /** One block of fills: the dense columns, and the others once a fill of the block needs them. */
    static final class Block {
        final int[] step;
        final int[] instrument;
        final double[] quantity;
        final double[] price;
        /** The order id of the block's first fill when {@code orderId} is null: the others follow it one by one. */
        final long firstOrderId;
        long[] orderId;
        long[] time;
        double[] fee;
        double[] liquidationPrice;
        double[] carry;
        String[] tag;
        boolean[] liquidation;

        Block(int length, long firstOrderId) {
            this.firstOrderId = firstOrderId;
            step = new int[length];
            instrument = new int[length];
            quantity = new double[length];
            price = new double[length];
        }
    }

    private static final long NAN_BITS = Double.doubleToRawLongBits(Double.NaN);

    private final MarketClock clock;
    private final Symbol[] symbols;
    private long lastOrderId;

    /** Creates no fills of the instruments {@code symbols} (by index) on {@code clock}'s steps. */
    FillColumns(MarketClock clock, Symbol[] symbols) {
        this.clock = clock;
        this.symbols = symbols;
    }

    /**
     * Appends a fill at {@code step} of instrument {@code instrument}, whose carry before it was
     * {@code carryBefore}; the other arguments are {@link Fill}'s fields.
     */
    void add(int step, int instrument, long orderId, long timeMillis, double quantity, double price, double fee,
            Fill.Kind kind, String tag, double liquidationPrice, double carryBefore) {
        Block block = nextBlock();
        int k = free;
        block.step[k] = step;
        block.instrument[k] = instrument;
        if (orderId != lastOrderId + 1) {
            if (block.orderId == null) {
                block.orderId = new long[room];
                for (int j = 0; j < k; j++) {
                    block.orderId[j] = block.firstOrderId + j;
                }
            }
            block.orderId[k] = orderId;
        } else if (block.orderId != null) {
            block.orderId[k] = orderId;
        }
        lastOrderId = orderId;
        block.quantity[k] = quantity;
        block.price[k] = price;
        // Bits, not values: a fee of -0.0 or a NaN of another payload is kept as it was.
        if (Double.doubleToRawLongBits(fee) != 0) {
            block.fee = Blocks.set(block.fee, room, k, fee, 0);
        }
        if (Double.doubleToRawLongBits(liquidationPrice) != NAN_BITS) {
            block.liquidationPrice = Blocks.set(block.liquidationPrice, room, k, liquidationPrice, Double.NaN);
        }
        if (Double.doubleToRawLongBits(carryBefore) != 0) {
            block.carry = Blocks.set(block.carry, room, k, carryBefore, 0);
        }
        if (!tag.isEmpty()) {
            block.tag = Blocks.set(block.tag, String[]::new, room, k, tag);
        }
        if (kind == Fill.Kind.LIQUIDATION) {
            if (block.liquidation == null) {
                block.liquidation = new boolean[room];
            }
            block.liquidation[k] = true;
        }
        if (timeMillis != clock.timeMillis(step)) {
            if (block.time == null) {
                block.time = new long[room];
                // A block's fills before this one were at their steps' times.
                for (int j = 0; j < k; j++) {
                    block.time[j] = clock.timeMillis(block.step[j]);
                }
            }
            block.time[k] = timeMillis;
        } else if (block.time != null) {
            block.time[k] = timeMillis;
        }
        appended();
    }

    @Override
    Block newBlock(int length) {
        return new Block(length, lastOrderId + 1);
    }

    @Override
    public int size() {
        return size;
    }

    /** Returns the step fill {@code k} happened at. */
    int step(int k) {
        return blockOf(k).step[Blocks.offset(k)];
    }

    /** Returns the index of fill {@code k}'s instrument in the universe. */
    int instrument(int k) {
        return blockOf(k).instrument[Blocks.offset(k)];
    }

    @Override
    public long orderId(int k) {
        Block block = blockOf(k);
        int j = Blocks.offset(k);
        return block.orderId == null ? block.firstOrderId + j : block.orderId[j];
    }

    @Override
    public Symbol symbol(int k) {
        return symbols[instrument(k)];
    }

    @Override
    public long timeMillis(int k) {
        Block block = blockOf(k);
        int j = Blocks.offset(k);
        return block.time == null ? clock.timeMillis(block.step[j]) : block.time[j];
    }

    @Override
    public double quantity(int k) {
        return blockOf(k).quantity[Blocks.offset(k)];
    }

    @Override
    public double price(int k) {
        return blockOf(k).price[Blocks.offset(k)];
    }

    @Override
    public double fee(int k) {
        double[] fee = blockOf(k).fee;
        return fee == null ? 0 : fee[Blocks.offset(k)];
    }

    @Override
    public Fill.Kind kind(int k) {
        boolean[] liquidation = blockOf(k).liquidation;
        return liquidation != null && liquidation[Blocks.offset(k)] ? Fill.Kind.LIQUIDATION : Fill.Kind.ORDER;
    }

    @Override
    public String tag(int k) {
        String[] tag = blockOf(k).tag;
        String t = tag == null ? null : tag[Blocks.offset(k)];
        return t == null ? "" : t;
    }

    @Override
    public double liquidationPrice(int k) {
        double[] price = blockOf(k).liquidationPrice;
        return price == null ? Double.NaN : price[Blocks.offset(k)];
    }

    @Override
    public double carryBefore(int k) {
        double[] carry = blockOf(k).carry;
        return carry == null ? 0 : carry[Blocks.offset(k)];
    }
}

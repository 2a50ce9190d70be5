package dev.crashlab.strategy;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An order is a strategy's intent to trade one instrument. It is built by the static factories
 * ({@link #buy}, {@link #sellValue}, {@link #targetWeight}, {@link #buyLimit}, ...), then placed
 * with {@code StrategyContext.submit}, which returns it with an id and the time it was placed.
 * An order the engine cannot accept (quantity not positive, bad price, unknown symbol) is not
 * an exception: it is rejected with an event in the results.
 *
 * <p>How much to trade ({@link Sizing}):
 * <ul>
 *   <li>{@code QUANTITY}: {@code amount} units;</li>
 *   <li>{@code VALUE}: {@code amount} of cash; a buy spends that much, fees included (fee rate f
 *       buys {@code (amount − fixedFee) / (price × (1 + f))} units at the fill price, slippage
 *       included); on margin, when the margin cannot carry that much, the largest quantity it
 *       can, while a cash account refuses it ("not enough cash"); a sell sells
 *       {@code amount / price} units;</li>
 *   <li>{@code TARGET_WEIGHT}: trade until the position is worth {@code amount} × equity
 *       (negative for a short), worked out at the fill price, or as far towards it as the cash or
 *       margin carries;</li>
 *   <li>{@code CLOSE}: trade the position back to zero.</li>
 * </ul>
 *
 * @param id          the order's id, from 1; 0 for an order not (yet) placed
 * @param symbol      the symbol of the instrument to trade, as in the config ({@code "BTC-USD"})
 * @param side        buy or sell for {@code QUANTITY} and {@code VALUE} orders; {@code null} for
 *                    {@code TARGET_WEIGHT} and {@code CLOSE}, whose side is decided when they fill
 * @param type        market, limit or stop
 * @param sizing      how {@code amount} is read
 * @param amount      units or cash ({@code > 0} to be accepted), or the target weight
 * @param price       the limit or stop price; NaN for market orders
 * @param submittedAtMillis when the order was placed, UTC epoch milliseconds; {@link #NOT_PLACED}
 *                    until then ({@link #submittedAt()} gives it as an {@code Instant}): the engine
 *                    keeps times as numbers, so that placing an order allocates no {@code Instant}
 * @param tag         a free text shown with the order's fills and in reports; may be empty
 */
public record Order(long id, String symbol, Side side, OrderType type, Sizing sizing, double amount, double price,
        long submittedAtMillis, String tag) {

    /** The {@code submittedAtMillis} of an order not (yet) placed. */
    public static final long NOT_PLACED = Long.MIN_VALUE;

    /** Buy or sell. */
    public enum Side {
        /** Buy: increase a long, or reduce a short. */
        BUY,
        /** Sell: reduce a long, or open or increase a short. */
        SELL;

        /** Returns +1 for a buy and −1 for a sell. */
        public int sign() {
            return this == BUY ? 1 : -1;
        }
    }

    /** How an order's {@code amount} is read. */
    public enum Sizing {
        /** Units of the instrument. */
        QUANTITY,
        /** Cash value. */
        VALUE,
        /** Fraction of equity the position should be worth afterwards. */
        TARGET_WEIGHT,
        /** Whatever closes the position. */
        CLOSE
    }

    public Order {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sizing, "sizing");
        if ((sizing == Sizing.QUANTITY || sizing == Sizing.VALUE) != (side != null)) {
            throw new IllegalArgumentException("quantity and value orders have a side; target-weight and close orders do not");
        }
        tag = tag == null ? "" : tag;
    }

    /** Creates an order placed at {@code submittedAt}, or not placed when it is {@code null}. */
    public Order(long id, String symbol, Side side, OrderType type, Sizing sizing, double amount, double price,
            Instant submittedAt, String tag) {
        this(id, symbol, side, type, sizing, amount, price, submittedAt == null ? NOT_PLACED : submittedAt.toEpochMilli(), tag);
    }

    /** Returns when the order was placed, or {@code null} until it is. */
    public Instant submittedAt() {
        return submittedAtMillis == NOT_PLACED ? null : Instant.ofEpochMilli(submittedAtMillis);
    }

    /** Returns a market order to buy {@code quantity} units. */
    public static Order buy(String symbol, double quantity) {
        return new Order(0, symbol, Side.BUY, OrderType.MARKET, Sizing.QUANTITY, quantity, Double.NaN, NOT_PLACED, "");
    }

    /** Returns a market order to sell {@code quantity} units (opening a short beyond the position). */
    public static Order sell(String symbol, double quantity) {
        return new Order(0, symbol, Side.SELL, OrderType.MARKET, Sizing.QUANTITY, quantity, Double.NaN, NOT_PLACED, "");
    }

    /** Returns a market order to buy for {@code cash}, fees included. */
    public static Order buyValue(String symbol, double cash) {
        return new Order(0, symbol, Side.BUY, OrderType.MARKET, Sizing.VALUE, cash, Double.NaN, NOT_PLACED, "");
    }

    /** Returns a market order to sell units worth {@code cash} at the fill price. */
    public static Order sellValue(String symbol, double cash) {
        return new Order(0, symbol, Side.SELL, OrderType.MARKET, Sizing.VALUE, cash, Double.NaN, NOT_PLACED, "");
    }

    /** Returns a market order that makes the position worth {@code weight} × equity (negative: short). */
    public static Order targetWeight(String symbol, double weight) {
        return new Order(0, symbol, null, OrderType.MARKET, Sizing.TARGET_WEIGHT, weight, Double.NaN, NOT_PLACED, "");
    }

    /** Returns a market order that closes the position, long or short. */
    public static Order close(String symbol) {
        return new Order(0, symbol, null, OrderType.MARKET, Sizing.CLOSE, 0, Double.NaN, NOT_PLACED, "");
    }

    /** Returns a limit order to buy {@code quantity} units at {@code limit} or better. */
    public static Order buyLimit(String symbol, double quantity, double limit) {
        return new Order(0, symbol, Side.BUY, OrderType.LIMIT, Sizing.QUANTITY, quantity, limit, NOT_PLACED, "");
    }

    /** Returns a limit order to sell {@code quantity} units at {@code limit} or better. */
    public static Order sellLimit(String symbol, double quantity, double limit) {
        return new Order(0, symbol, Side.SELL, OrderType.LIMIT, Sizing.QUANTITY, quantity, limit, NOT_PLACED, "");
    }

    /** Returns a stop order to buy {@code quantity} units once the price rises to {@code stop}. */
    public static Order buyStop(String symbol, double quantity, double stop) {
        return new Order(0, symbol, Side.BUY, OrderType.STOP, Sizing.QUANTITY, quantity, stop, NOT_PLACED, "");
    }

    /** Returns a stop order to sell {@code quantity} units once the price falls to {@code stop}. */
    public static Order sellStop(String symbol, double quantity, double stop) {
        return new Order(0, symbol, Side.SELL, OrderType.STOP, Sizing.QUANTITY, quantity, stop, NOT_PLACED, "");
    }

    /** Returns a stop order that closes the position once the price moves against it to {@code stop}. */
    public static Order closeStop(String symbol, double stop) {
        return new Order(0, symbol, null, OrderType.STOP, Sizing.CLOSE, 0, stop, NOT_PLACED, "");
    }

    /** Returns a limit order that closes the position at {@code limit} or better. */
    public static Order closeLimit(String symbol, double limit) {
        return new Order(0, symbol, null, OrderType.LIMIT, Sizing.CLOSE, 0, limit, NOT_PLACED, "");
    }

    /** Returns this order with a tag. */
    public Order withTag(String newTag) {
        return new Order(id, symbol, side, type, sizing, amount, price, submittedAtMillis, newTag);
    }

    /** Returns this order with its amount (units, cash or weight) multiplied by {@code factor}. */
    public Order scaled(double factor) {
        return new Order(id, symbol, side, type, sizing, amount * factor, price, submittedAtMillis, tag);
    }

    /** Returns this order as placed, with an id and a time in UTC epoch milliseconds. */
    public Order placed(long newId, long timeMillis) {
        return new Order(newId, symbol, side, type, sizing, amount, price, timeMillis, tag);
    }

    /** Returns whether the order has been placed (it has an id). */
    public boolean isPlaced() {
        return id > 0;
    }

    /**
     * Returns why the engine must refuse this order as written, or {@code null} when it is
     * well-formed: a quantity or cash amount that is not positive, a weight that is not finite,
     * a limit or stop price that is not positive.
     */
    public String problem() {
        return problem(type, sizing, amount, price);
    }

    /**
     * Returns why the engine must refuse an order of these fields, or {@code null} when they are
     * well-formed (see {@link #problem()}): the engine checks orders it keeps as columns with it.
     */
    public static String problem(OrderType type, Sizing sizing, double amount, double price) {
        if ((sizing == Sizing.QUANTITY || sizing == Sizing.VALUE) && !(amount > 0 && Double.isFinite(amount))) {
            return (sizing == Sizing.QUANTITY ? "quantity" : "cash value") + " must be > 0, got " + amount;
        }
        if (sizing == Sizing.TARGET_WEIGHT && !Double.isFinite(amount)) {
            return "target weight must be finite, got " + amount;
        }
        if (type != OrderType.MARKET && !(price > 0 && Double.isFinite(price))) {
            return type.name().toLowerCase(Locale.ROOT) + " price must be > 0, got " + price;
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Order(");
        if (id > 0) {
            s.append('#').append(id).append(", ");
        }
        s.append(type.name().toLowerCase(Locale.ROOT)).append(' ');
        switch (sizing) {
            case QUANTITY -> s.append(side.name().toLowerCase(Locale.ROOT)).append(' ').append(amount).append(' ').append(symbol);
            case VALUE -> s.append(side.name().toLowerCase(Locale.ROOT)).append(' ').append(symbol).append(" for ").append(amount);
            case TARGET_WEIGHT -> s.append(symbol).append(" to weight ").append(amount);
            case CLOSE -> s.append("close ").append(symbol);
        }
        if (type != OrderType.MARKET) {
            s.append(" at ").append(price);
        }
        if (!tag.isEmpty()) {
            s.append(", ").append(tag);
        }
        return s.append(')').toString();
    }
}

package dev.crashlab.execution;

import dev.crashlab.data.Symbol;
import java.time.Instant;
import java.util.Objects;

/**
 * An order is a strategy's intent to trade one instrument. It is built by the static factories
 * ({@link #buy}, {@link #sellValue}, {@link #targetWeight}, {@link #buyLimit}, ...), then placed
 * with {@code StrategyContext.submit}, which returns it with an id and the time it was placed.
 *
 * <p>How much to trade ({@link Sizing}):
 * <ul>
 *   <li>{@code QUANTITY}: {@code amount} units; positive buys, negative sells;</li>
 *   <li>{@code VALUE}: {@code amount} of cash; positive buys for that much cash, fees included
 *       (a fee rate f buys {@code (amount - fixedFee) / (price × (1 + f))} units), negative sells
 *       {@code |amount| / price} units;</li>
 *   <li>{@code TARGET_WEIGHT}: trade until the position is worth {@code amount} × equity
 *       (negative for a short), computed at the fill price;</li>
 *   <li>{@code CLOSE}: trade the position back to zero.</li>
 * </ul>
 * Quantities for {@code VALUE}, {@code TARGET_WEIGHT} and {@code CLOSE} are worked out when the
 * order fills, from the fill price.
 *
 * @param id          the order's id, from 1; 0 for an order not (yet) placed
 * @param symbol      the instrument to trade
 * @param type        market, limit or stop
 * @param sizing      how {@code amount} is read
 * @param amount      units, cash or weight as {@code sizing} says; its sign gives the side
 * @param price       the limit or stop price; NaN for market orders
 * @param submittedAt when the order was placed; {@code null} until then
 * @param tag         a free text shown with the order's fills and in reports; may be empty
 */
public record Order(long id, Symbol symbol, OrderType type, Sizing sizing, double amount, double price,
        Instant submittedAt, String tag) {

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
        tag = tag == null ? "" : tag;
        if (type == OrderType.MARKET) {
            if (!Double.isNaN(price)) {
                throw new IllegalArgumentException("a market order has no price, got " + price);
            }
        } else if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("a " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " order needs a positive price, got " + price);
        }
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("order amount must be finite, got " + amount);
        }
    }

    /** Returns a market order to buy {@code quantity} units. */
    public static Order buy(Symbol symbol, double quantity) {
        return new Order(0, symbol, OrderType.MARKET, Sizing.QUANTITY, quantity, Double.NaN, null, "");
    }

    /** Returns a market order to sell {@code quantity} units (opening a short beyond the position). */
    public static Order sell(Symbol symbol, double quantity) {
        return new Order(0, symbol, OrderType.MARKET, Sizing.QUANTITY, -quantity, Double.NaN, null, "");
    }

    /** Returns a market order to buy for {@code cash}, fees included. */
    public static Order buyValue(Symbol symbol, double cash) {
        return new Order(0, symbol, OrderType.MARKET, Sizing.VALUE, cash, Double.NaN, null, "");
    }

    /** Returns a market order to sell units worth {@code cash} at the fill price. */
    public static Order sellValue(Symbol symbol, double cash) {
        return new Order(0, symbol, OrderType.MARKET, Sizing.VALUE, -cash, Double.NaN, null, "");
    }

    /** Returns a market order that makes the position worth {@code weight} × equity (negative: short). */
    public static Order targetWeight(Symbol symbol, double weight) {
        return new Order(0, symbol, OrderType.MARKET, Sizing.TARGET_WEIGHT, weight, Double.NaN, null, "");
    }

    /** Returns a market order that closes the position, long or short. */
    public static Order close(Symbol symbol) {
        return new Order(0, symbol, OrderType.MARKET, Sizing.CLOSE, 0, Double.NaN, null, "");
    }

    /** Returns a limit order to buy {@code quantity} units at {@code limit} or better. */
    public static Order buyLimit(Symbol symbol, double quantity, double limit) {
        return new Order(0, symbol, OrderType.LIMIT, Sizing.QUANTITY, quantity, limit, null, "");
    }

    /** Returns a limit order to sell {@code quantity} units at {@code limit} or better. */
    public static Order sellLimit(Symbol symbol, double quantity, double limit) {
        return new Order(0, symbol, OrderType.LIMIT, Sizing.QUANTITY, -quantity, limit, null, "");
    }

    /** Returns a stop order to buy {@code quantity} units once the price reaches {@code stop}. */
    public static Order buyStop(Symbol symbol, double quantity, double stop) {
        return new Order(0, symbol, OrderType.STOP, Sizing.QUANTITY, quantity, stop, null, "");
    }

    /** Returns a stop order to sell {@code quantity} units once the price falls to {@code stop}. */
    public static Order sellStop(Symbol symbol, double quantity, double stop) {
        return new Order(0, symbol, OrderType.STOP, Sizing.QUANTITY, -quantity, stop, null, "");
    }

    /** Returns a stop order that closes the position once the price reaches {@code stop}. */
    public static Order closeStop(Symbol symbol, double stop) {
        return new Order(0, symbol, OrderType.STOP, Sizing.CLOSE, 0, stop, null, "");
    }

    /** Returns a limit order that closes the position at {@code limit} or better. */
    public static Order closeLimit(Symbol symbol, double limit) {
        return new Order(0, symbol, OrderType.LIMIT, Sizing.CLOSE, 0, limit, null, "");
    }

    /** Returns this order with a tag. */
    public Order withTag(String newTag) {
        return new Order(id, symbol, type, sizing, amount, price, submittedAt, newTag);
    }

    /** Returns this order with its amount multiplied by {@code factor}, as a leverage wrapper does. */
    public Order scaled(double factor) {
        return new Order(id, symbol, type, sizing, amount * factor, price, submittedAt, tag);
    }

    /** Returns this order as placed, with an id and a time. */
    public Order placed(long newId, Instant time) {
        return new Order(newId, symbol, type, sizing, amount, price, time, tag);
    }

    /** Returns whether the order has been placed (it has an id). */
    public boolean isPlaced() {
        return id > 0;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Order(");
        if (id > 0) {
            s.append('#').append(id).append(", ");
        }
        s.append(type.name().toLowerCase(java.util.Locale.ROOT)).append(' ');
        switch (sizing) {
            case QUANTITY -> s.append(amount >= 0 ? "buy " : "sell ").append(Math.abs(amount)).append(' ').append(symbol);
            case VALUE -> s.append(amount >= 0 ? "buy " : "sell ").append(symbol).append(" for ").append(Math.abs(amount));
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

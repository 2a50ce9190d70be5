package dev.crashlab.execution;

import dev.crashlab.data.Symbol;
import java.time.Instant;
import java.util.Objects;

/**
 * A fill is a completed trade: a signed quantity of one instrument at one price, at one time,
 * with the fee paid. Positions and cash are derived from fills.
 *
 * @param orderId  the order filled, or 0 for a forced liquidation
 * @param symbol   the instrument
 * @param timeMillis the start of the bar the fill happened in, UTC epoch milliseconds (in a
 *                 universe of one bar length, the time of the step; on a bar resolved on detail
 *                 bars, the start of the sub-bar it happened in); {@link #time()} gives it as an
 *                 {@code Instant}: the engine keeps times as numbers, so that a fill allocates none
 * @param quantity units bought (positive) or sold (negative)
 * @param price    the price per unit, slippage included
 * @param fee      the fee paid, in quote currency, {@code >= 0}
 * @param kind     an order fill or a liquidation
 * @param tag      the order's tag
 * @param liquidationPrice the price of this instrument at which the account (cross margin) or the
 *                 position (isolated) would be liquidated right after this fill, the other marks
 *                 unchanged; NaN when it cannot be (a long paid in full, a flat position)
 */
public record Fill(long orderId, Symbol symbol, long timeMillis, double quantity, double price, double fee, Kind kind,
        String tag, double liquidationPrice) {

    /** Returns a fill at {@code time}. */
    public Fill(long orderId, Symbol symbol, Instant time, double quantity, double price, double fee, Kind kind,
            String tag, double liquidationPrice) {
        this(orderId, symbol, time.toEpochMilli(), quantity, price, fee, kind, tag, liquidationPrice);
    }

    /** Returns a fill at {@code time} after which nothing can be liquidated (liquidation price NaN). */
    public Fill(long orderId, Symbol symbol, Instant time, double quantity, double price, double fee, Kind kind,
            String tag) {
        this(orderId, symbol, time, quantity, price, fee, kind, tag, Double.NaN);
    }

    /** Returns the start of the bar the fill happened in. */
    public Instant time() {
        return Instant.ofEpochMilli(timeMillis);
    }

    /** What caused a fill. */
    public enum Kind {
        /** A strategy's order. */
        ORDER,
        /** A forced close because equity fell below the maintenance margin. */
        LIQUIDATION
    }

    public Fill {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(kind, "kind");
        tag = tag == null ? "" : tag;
    }

    /** Returns the traded value, {@code |quantity| × price}. */
    public double notional() {
        return Math.abs(quantity) * price;
    }

    @Override
    public String toString() {
        return "Fill(" + time() + ", " + (quantity >= 0 ? "buy " : "sell ") + Math.abs(quantity) + " " + symbol + " @ "
                + price + ", fee " + fee + (kind == Kind.LIQUIDATION ? ", liquidation" : "") + ")";
    }
}

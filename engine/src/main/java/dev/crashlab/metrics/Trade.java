package dev.crashlab.metrics;

import dev.crashlab.data.Symbol;
import java.time.Instant;
import java.util.Objects;

/**
 * A trade is a round trip in one instrument: from the fill that opened a position (from flat)
 * to the fill that brought it back to flat, or to the end of the backtest when it is still open.
 * Adds and partial exits along the way belong to the same trade.
 *
 * @param symbol      the instrument
 * @param side        long or short
 * @param entryTime   time of the opening fill
 * @param exitTime    time of the closing fill; the last step for an open trade
 * @param entryPrice  quantity-weighted price of the fills that built the position
 * @param exitPrice   quantity-weighted price of the fills that reduced it (the last mark for the
 *                    part still open)
 * @param quantity    total units bought (long) or sold short over the trade
 * @param pnl         profit in quote currency: exit value minus entry value (sign-adjusted for
 *                    shorts) minus the fees of the trade's fills minus the carry charged while
 *                    it was open
 * @param tradeReturn {@code pnl / entry value}, a fraction
 * @param fees        the fees of the trade's fills
 * @param holdingDays calendar days from entry to exit
 * @param open        whether the position was still open at the end
 * @param liquidated  whether the trade was closed by a liquidation
 * @param carry       the carry charged while the trade was open, from its entry fill to its exit
 *                    fill (a short's funding or borrow; for a long on margin, its share of the
 *                    interest on borrowed cash), included in {@code pnl}; negative when received
 */
public record Trade(Symbol symbol, Side side, Instant entryTime, Instant exitTime, double entryPrice, double exitPrice,
        double quantity, double pnl, double tradeReturn, double fees, double holdingDays, boolean open,
        boolean liquidated, double carry) {

    /** Returns a trade that paid no carry. */
    public Trade(Symbol symbol, Side side, Instant entryTime, Instant exitTime, double entryPrice, double exitPrice,
            double quantity, double pnl, double tradeReturn, double fees, double holdingDays, boolean open,
            boolean liquidated) {
        this(symbol, side, entryTime, exitTime, entryPrice, exitPrice, quantity, pnl, tradeReturn, fees, holdingDays,
                open, liquidated, 0);
    }

    /** Returns the profit before carry: {@code pnl + carry}. */
    public double pnlBeforeCarry() {
        return pnl + carry;
    }

    /** The side of a trade. */
    public enum Side {
        /** Bought first, sold later. */
        LONG,
        /** Sold short first, bought back later. */
        SHORT
    }

    public Trade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(exitTime, "exitTime");
    }
}

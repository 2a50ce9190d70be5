package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A round trip from flat to flat in one instrument (adds and partial exits included), or one still
 * open at the end, marked to the last close.
 *
 * @param symbol      the instrument
 * @param side        {@code long} or {@code short}
 * @param entryTime   the time of the opening fill
 * @param exitTime    the time of the closing fill; the last step for an open trade
 * @param entryPrice  the quantity-weighted price of the fills that built the position
 * @param exitPrice   the quantity-weighted price of the fills that reduced it
 * @param quantity    the units bought (long) or sold short over the trade
 * @param pnl         the profit, after the fees and the carry of the trade
 * @param tradeReturn pnl / entry value, a fraction ({@code return} in the file)
 * @param fees        the fees of the trade's fills
 * @param carry       the carry charged while it was open, included in {@code pnl}; negative when received
 * @param holdingDays calendar days from entry to exit
 * @param open        whether it was still open at the end
 * @param liquidated  whether a liquidation closed it
 */
public record TradeRow(String symbol, String side, Instant entryTime, Instant exitTime, double entryPrice,
        double exitPrice, double quantity, double pnl, @JsonProperty("return") double tradeReturn, double fees,
        double carry, double holdingDays, boolean open, boolean liquidated) {

    /** Returns {@code open}, {@code liquidated} or {@code closed}. */
    public String status() {
        return liquidated ? "liquidated" : open ? "open" : "closed";
    }
}

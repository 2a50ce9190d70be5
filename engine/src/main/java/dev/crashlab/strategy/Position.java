package dev.crashlab.strategy;

/**
 * A position is the holding in one instrument at one moment: a signed quantity (negative for a
 * short) with its average cost and profit, derived from the fills so far.
 *
 * @param symbol        the instrument's symbol, as in the config ({@code "BTC-USD"})
 * @param quantity      units held; negative for a short; 0 when flat
 * @param averageCost   the quantity-weighted price of the fills that opened the current
 *                      position (fees excluded); NaN when flat
 * @param markPrice     the latest price: the last close, or the open while orders fill
 * @param realizedPnl   profit taken by reducing positions in this instrument so far (fees excluded)
 * @param liquidationPrice the price of this instrument at which the position would be liquidated,
 *                      the other marks unchanged (see {@code Margin}); NaN when it cannot be (a long
 *                      paid in full, a flat position)
 */
public record Position(String symbol, double quantity, double averageCost, double markPrice, double realizedPnl,
        double liquidationPrice) {

    /** Returns a position that cannot be liquidated (its liquidation price NaN). */
    public Position(String symbol, double quantity, double averageCost, double markPrice, double realizedPnl) {
        this(symbol, quantity, averageCost, markPrice, realizedPnl, Double.NaN);
    }

    /** Returns the position's value at the mark price; negative for a short. */
    public double marketValue() {
        return quantity * markPrice;
    }

    /** Returns the profit not yet taken: {@code quantity × (mark − average cost)}; 0 when flat. */
    public double unrealizedPnl() {
        return quantity == 0 ? 0 : quantity * (markPrice - averageCost);
    }

    /** Returns whether anything is held. */
    public boolean isOpen() {
        return quantity != 0;
    }

    /** Returns whether the position is long. */
    public boolean isLong() {
        return quantity > 0;
    }

    /** Returns whether the position is short. */
    public boolean isShort() {
        return quantity < 0;
    }
}

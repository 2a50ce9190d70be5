package dev.crashlab.strategy;

/**
 * How an order meets the market.
 *
 * <p>The fill model assumes what daily bars can show and no more: a bar's open comes first,
 * then its range is visited in an unknown order.
 */
public enum OrderType {
    /** Fills at the next bar's open (or, in {@link FillMode#CLOSE}, at the current bar's close). */
    MARKET,
    /**
     * Fills when the bar's range reaches the limit: a buy when the low is at or below it, a sell
     * when the high is at or above it; at the limit price, or at the open when the bar opened
     * beyond it (a better price). No slippage.
     */
    LIMIT,
    /**
     * Triggers when the bar's range reaches the stop: a buy when the high is at or above it, a
     * sell when the low is at or below it; fills at the stop price, or at the open when the bar
     * gapped through it (the worse price), with slippage.
     */
    STOP
}

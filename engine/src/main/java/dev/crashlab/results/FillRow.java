package dev.crashlab.results;

import java.time.Instant;

/**
 * A fill.
 *
 * @param orderId          the order filled
 * @param time             the start of the bar it filled in
 * @param symbol           the instrument
 * @param side             {@code buy} or {@code sell}
 * @param quantity         the quantity, signed: negative for sells
 * @param price            the fill price
 * @param fee              the fee paid
 * @param kind             {@code order}, or {@code liquidation} for a forced close
 * @param tag              the order's tag
 * @param liquidationPrice the position's liquidation price after the fill; NaN when it has none
 */
public record FillRow(long orderId, Instant time, String symbol, String side, double quantity, double price,
        double fee, String kind, String tag, double liquidationPrice) {
}

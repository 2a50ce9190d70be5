package dev.crashlab.strategy;

import java.util.List;

/**
 * What a strategy may read of its account: cash, positions, equity, margin used and open
 * orders, as of the current step. Read-only; values are those of the moment they are asked
 * (during {@code onBar}, positions are marked at the current bars' closes).
 */
public interface Portfolio {

    /** Returns the cash balance; negative when cash is borrowed on margin. */
    double cash();

    /**
     * Returns the cash not yet committed to open buy orders: {@link #cash()} minus what those
     * orders are expected to spend, fees included (a cash-value buy its amount, a quantity buy its
     * units at the limit or stop price or else the mark, a target-weight buy the value still
     * missing). Strategies that size buys from cash use this, so that an order waiting for its bar
     * is not paid for twice. A
     * market buy of an instrument that has no bar yet counts nothing: no price says what it costs.
     */
    double availableCash();

    /** Returns the equity: {@code cash + Σ quantity × mark price}. */
    double equity();

    /** Returns the quantity held of {@code symbol}; negative for a short, 0 when flat. */
    double quantity(String symbol);

    /** Returns the position in {@code symbol} (flat if none). */
    Position position(String symbol);

    /** Returns the open positions, in universe order. */
    List<Position> positions();

    /** Returns the sum of absolute position values. */
    double grossExposure();

    /** Returns the sum of signed position values. */
    double netExposure();

    /** Returns the margin the positions tie up: {@code initial margin × gross exposure}. */
    double marginUsed();

    /**
     * Returns the maintenance margin the positions must keep: the sum of each position's
     * requirement at its mark (see {@code Margin}); the account (cross margin) is liquidated when
     * equity falls below it.
     */
    double maintenanceRequired();

    /** Returns the largest gross exposure per unit of equity the margin terms allow: 1 without leverage. */
    double maxLeverage();

    /** Returns the orders placed and not yet filled or cancelled, oldest first. */
    List<Order> openOrders();

    /**
     * Returns whether an order of {@code symbol} is placed and not yet filled or cancelled: a
     * strategy that orders at most once per instrument asks this before ordering again (an
     * equity's order placed on a Saturday waits until Monday's open).
     */
    default boolean hasOpenOrder(String symbol) {
        for (Order order : openOrders()) {
            if (order.symbol().equals(symbol)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the external cash that arrived at this step (contributions positive, withdrawals negative). */
    double contributionNow();

    /** Returns the sum of all external cash flows so far, without the initial cash. */
    double netContributions();

    /** Returns the weight of {@code symbol} in the equity: {@code market value / equity}. */
    default double weight(String symbol) {
        double equity = equity();
        return equity == 0 ? 0 : position(symbol).marketValue() / equity;
    }

    /** Returns whether any position is open. */
    default boolean isInvested() {
        return !positions().isEmpty();
    }
}

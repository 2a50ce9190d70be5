package dev.crashlab.strategy;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.Symbol;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ta4j.core.BarSeries;

/**
 * The strategy context is everything a strategy can see and do at the current step, and
 * nothing more: its bars reach only the current bar of each instrument, its non-price series
 * only the values published by now, its indicators and ta4j series only the bars seen so far,
 * its instruments' calendars only the closures known by now. No method returns data from a
 * later step, so look-ahead cannot be written.
 *
 * <p>During {@link Strategy#init}, the time is the backtest's start and each instrument's bars
 * are its history before the start; during {@link Strategy#onBar}, the current step's bars are
 * included. All order methods go through {@link #submit}, so a wrapper that overrides it (see
 * {@link ForwardingContext}) sees every order.
 */
public interface StrategyContext {

    /**
     * Returns the time of the current step: the start of the period of the universe's shortest
     * bars, UTC. The step's bars closed at the end of that period, and {@code onBar} runs then:
     * with daily bars only, {@code time()} is the day's 00:00 and the day's bars are complete; in
     * a universe of daily and hourly bars, the daily bar of a day becomes visible at the step
     * whose time is 23:00 of that day. Bars are visible only once closed (see {@code MarketClock}).
     */
    Instant time();

    /** Returns the time of the current step in UTC epoch milliseconds. */
    long timeMillis();

    /** Returns the UTC date of the current step. */
    default LocalDate date() {
        return LocalDate.ofEpochDay(Math.floorDiv(timeMillis(), 86_400_000L));
    }

    /** Returns the index of the current step, from 0; -1 during {@link Strategy#init}. */
    int step();

    /** Returns the time of the backtest's first step. */
    Instant start();

    /** Returns the time of the backtest's last step. */
    Instant end();

    /**
     * Returns the instruments of the universe, each with its calendar bound to the current step
     * ({@link dev.crashlab.data.TradingCalendar#knownAt}): an unscheduled closure, such as
     * 2001-09-11, is a trading day to it until the closure's day begins.
     */
    List<Instrument> instruments();

    /** Returns the bars of {@code symbol} up to the current one; fails for a symbol outside the universe. */
    Bars bars(Symbol symbol);

    /** Returns the bars of {@code symbol} up to the current one. */
    default Bars bars(String symbol) {
        return bars(Symbol.of(symbol));
    }

    /**
     * Returns a ta4j series of {@code symbol}'s bars (DoubleNum) that grows as the backtest
     * advances: its end index is always the current bar, so any ta4j indicator or rule built on
     * it sees no later bar.
     */
    BarSeries ta4j(Symbol symbol);

    /** Returns the growing ta4j series of {@code symbol}. */
    default BarSeries ta4j(String symbol) {
        return ta4j(Symbol.of(symbol));
    }

    /** Returns the factory of fast indicators on {@code symbol}'s bars. */
    Indicators indicators(Symbol symbol);

    /** Returns the factory of fast indicators on {@code symbol}'s bars. */
    default Indicators indicators(String symbol) {
        return indicators(Symbol.of(symbol));
    }

    /** Returns the non-price series {@code name} as published by now; fails for an unknown name. */
    PublishedSeries series(String name);

    /** Returns whether the data holds a non-price series called {@code name}. */
    boolean hasSeries(String name);

    /** Returns the account as of now: cash, positions, equity, margin, open orders. */
    Portfolio portfolio();

    /**
     * Places an order. Returns it with its id and time; an order a wrapper held back comes back
     * unplaced ({@link Order#isPlaced()} false). Orders the engine cannot accept (unknown
     * symbol, quantity not positive) come back placed and are rejected with an event, as are
     * quantity orders that find too little cash or margin when they fill; target-weight orders
     * and cash-value buys are cut to what the cash or margin carries.
     */
    Order submit(Order order);

    /** Cancels an open order; returns whether it was still open. */
    boolean cancel(long orderId);

    /** Records an event shown with the results. */
    void record(Event.Kind kind, Symbol symbol, String message, double value);

    /** Records a note shown with the results. */
    default void note(String message) {
        record(Event.Kind.NOTE, null, message, Double.NaN);
    }

    /** Buys {@code quantity} units at market. */
    default Order buy(String symbol, double quantity) {
        return submit(Order.buy(Symbol.of(symbol), quantity));
    }

    /** Sells {@code quantity} units at market (beyond the position, this opens a short). */
    default Order sell(String symbol, double quantity) {
        return submit(Order.sell(Symbol.of(symbol), quantity));
    }

    /** Buys for {@code cash} at market, fees included. */
    default Order buyValue(String symbol, double cash) {
        return submit(Order.buyValue(Symbol.of(symbol), cash));
    }

    /** Sells units worth {@code cash} at market. */
    default Order sellValue(String symbol, double cash) {
        return submit(Order.sellValue(Symbol.of(symbol), cash));
    }

    /** Trades {@code symbol} at market until it is {@code weight} of equity (negative: short). */
    default Order targetWeight(String symbol, double weight) {
        return submit(Order.targetWeight(Symbol.of(symbol), weight));
    }

    /** Closes the position in {@code symbol} at market. */
    default Order closePosition(String symbol) {
        return submit(Order.close(Symbol.of(symbol)));
    }

    /** Places a limit buy. */
    default Order buyLimit(String symbol, double quantity, double limit) {
        return submit(Order.buyLimit(Symbol.of(symbol), quantity, limit));
    }

    /** Places a limit sell. */
    default Order sellLimit(String symbol, double quantity, double limit) {
        return submit(Order.sellLimit(Symbol.of(symbol), quantity, limit));
    }

    /** Places a stop buy. */
    default Order buyStop(String symbol, double quantity, double stop) {
        return submit(Order.buyStop(Symbol.of(symbol), quantity, stop));
    }

    /** Places a stop sell. */
    default Order sellStop(String symbol, double quantity, double stop) {
        return submit(Order.sellStop(Symbol.of(symbol), quantity, stop));
    }

    /** Cancels every open order of {@code symbol}; returns how many were open. */
    default int cancelAll(Symbol symbol) {
        int cancelled = 0;
        for (Order order : portfolio().openOrders()) {
            if (order.symbol().equals(symbol) && cancel(order.id())) {
                cancelled++;
            }
        }
        return cancelled;
    }
}

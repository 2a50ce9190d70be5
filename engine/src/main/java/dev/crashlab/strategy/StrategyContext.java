package dev.crashlab.strategy;

import dev.crashlab.data.Instrument;
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
 *
 * <p>Instruments are named by their symbols as strings, exactly as the config names them
 * ({@code "BTC-USD"}), everywhere in this API: what a strategy passes in ({@code bars},
 * {@code indicators}, the order methods, {@link Portfolio#quantity}) and what it gets back
 * ({@link Order#symbol()}, {@link Position#symbol()}, {@link Event#symbol()}, {@link #symbols()}).
 * So {@code order.symbol().equals("BTC-USD")} means what it says.
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
     * 2001-09-11, is a trading day to it until the closure's day begins. An instrument's
     * {@code symbol()} is the data layer's {@code Symbol}; the strategy API names instruments by
     * their symbols as strings, listed by {@link #symbols()}.
     */
    List<Instrument> instruments();

    /** Returns the symbols of the universe, in the order of {@link #instruments()}: {@code ["BTC-USD", "QQQ"]}. */
    default List<String> symbols() {
        return instruments().stream().map(instrument -> instrument.symbol().value()).toList();
    }

    /** Returns the bars of {@code symbol} up to the current one; fails for a symbol outside the universe. */
    Bars bars(String symbol);

    /**
     * Returns a ta4j series of {@code symbol}'s bars (DoubleNum) that grows as the backtest
     * advances: its end index is always the current bar, so any ta4j indicator or rule built on
     * it sees no later bar.
     */
    BarSeries ta4j(String symbol);

    /** Returns the factory of fast indicators on {@code symbol}'s bars. */
    Indicators indicators(String symbol);

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
    void record(Event.Kind kind, String symbol, String message, double value);

    /** Records a note shown with the results. */
    default void note(String message) {
        record(Event.Kind.NOTE, null, message, Double.NaN);
    }

    /**
     * Records {@code value} under {@code name} at the current step: a figure the strategy watches
     * (a signal, a threshold, a saved amount), written to results.json ({@code tracked}) and drawn
     * in the report's "Signals" section, one chart per name. Steps where nothing is recorded are
     * undefined (NaN, a gap in the line); when a step records a name twice, the last value counts.
     * Only in {@code onBar} (a classifier: {@code classify}); a name is either a value or a state.
     */
    void track(String name, double value);

    /**
     * Records whether a state called {@code name} holds at the current step, such as a gate that
     * lets buys through. The report shades the steps where it does not hold on the equity chart
     * and lists its closed periods; results.json stores it as 1 (holds) or 0 (does not).
     */
    void track(String name, boolean holds);

    /**
     * Adds {@code message} to the run's warnings: results.json {@code warnings} and the report's
     * banner, beside the data warnings. A message given again (at any step) is kept once, so a
     * strategy may warn at every step a condition lasts; say the first date in the message when
     * it matters.
     */
    void warn(String message);

    /** Buys {@code quantity} units at market. */
    default Order buy(String symbol, double quantity) {
        return submit(Order.buy(symbol, quantity));
    }

    /** Sells {@code quantity} units at market (beyond the position, this opens a short). */
    default Order sell(String symbol, double quantity) {
        return submit(Order.sell(symbol, quantity));
    }

    /** Buys for {@code cash} at market, fees included. */
    default Order buyValue(String symbol, double cash) {
        return submit(Order.buyValue(symbol, cash));
    }

    /** Sells units worth {@code cash} at market. */
    default Order sellValue(String symbol, double cash) {
        return submit(Order.sellValue(symbol, cash));
    }

    /** Trades {@code symbol} at market until it is {@code weight} of equity (negative: short). */
    default Order targetWeight(String symbol, double weight) {
        return submit(Order.targetWeight(symbol, weight));
    }

    /** Closes the position in {@code symbol} at market. */
    default Order closePosition(String symbol) {
        return submit(Order.close(symbol));
    }

    /** Places a limit buy. */
    default Order buyLimit(String symbol, double quantity, double limit) {
        return submit(Order.buyLimit(symbol, quantity, limit));
    }

    /** Places a limit sell. */
    default Order sellLimit(String symbol, double quantity, double limit) {
        return submit(Order.sellLimit(symbol, quantity, limit));
    }

    /** Places a stop buy. */
    default Order buyStop(String symbol, double quantity, double stop) {
        return submit(Order.buyStop(symbol, quantity, stop));
    }

    /** Places a stop sell. */
    default Order sellStop(String symbol, double quantity, double stop) {
        return submit(Order.sellStop(symbol, quantity, stop));
    }

    /** Cancels every open order of {@code symbol}; returns how many were open. */
    default int cancelAll(String symbol) {
        int cancelled = 0;
        for (Order order : portfolio().openOrders()) {
            if (order.symbol().equals(symbol) && cancel(order.id())) {
                cancelled++;
            }
        }
        return cancelled;
    }
}

package dev.crashlab.backtest;

import dev.crashlab.data.Instrument;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Indicators;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.OrderType;
import dev.crashlab.strategy.Portfolio;
import dev.crashlab.strategy.PublishedSeries;
import dev.crashlab.strategy.StrategyContext;
import java.time.Instant;
import java.util.List;
import org.ta4j.core.BarSeries;

/** The engine's strategy context: a thin view over the run, bounded by its current step. */
class EngineContext implements StrategyContext {

    private final Run run;
    private final Portfolio portfolio;
    private final List<Instrument> instruments;
    private final List<String> symbols;
    private final Instant start;
    private final Instant end;

    EngineContext(Run run) {
        this.run = run;
        this.portfolio = run.portfolioView();
        this.instruments = run.feeds.instruments();
        this.symbols = instruments.stream().map(instrument -> instrument.symbol().value()).toList();
        this.start = run.clock.time(0);
        this.end = run.clock.time(run.clock.size() - 1);
    }

    /** Returns a context for a regime classifier: it sees everything a strategy sees but cannot trade. */
    EngineContext forClassifier() {
        return new EngineContext(run) {
            @Override
            public Order submit(Order order) {
                throw new IllegalStateException("a regime classifier cannot place orders: " + order);
            }

            @Override
            public boolean cancel(long orderId) {
                throw new IllegalStateException("a regime classifier cannot cancel orders");
            }

            @Override
            Order place(String symbol, Order.Side side, OrderType type, Order.Sizing sizing, double amount, double price) {
                return submit(new Order(0, symbol, side, type, sizing, amount, price, Order.NOT_PLACED, ""));
            }

            @Override
            public PublishedSeries series(String name) {
                // Results list the series the strategy read (a report charts them as such); the
                // classifier's inputs are the regime's, not the strategy's.
                return run.feeds.series(name);
            }
        };
    }

    @Override
    public Instant time() {
        return run.nowInstant();
    }

    @Override
    public long timeMillis() {
        return run.now();
    }

    @Override
    public int step() {
        return run.step;
    }

    @Override
    public Instant start() {
        return start;
    }

    @Override
    public Instant end() {
        return end;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public List<String> symbols() {
        return symbols;
    }

    @Override
    public Bars bars(String symbol) {
        return run.feeds.bars(symbol);
    }

    @Override
    public BarSeries ta4j(String symbol) {
        return run.feeds.ta4j(symbol);
    }

    @Override
    public Indicators indicators(String symbol) {
        return run.feeds.indicators(symbol);
    }

    @Override
    public PublishedSeries series(String name) {
        PublishedSeries series = run.feeds.series(name);
        run.noteSeriesUsed(name);
        return series;
    }

    @Override
    public boolean hasSeries(String name) {
        return run.feeds.hasSeries(name);
    }

    @Override
    public Portfolio portfolio() {
        return portfolio;
    }

    @Override
    public Order submit(Order order) {
        return run.submit(order);
    }

    /**
     * Places the order of these fields ({@link Run#place}) and returns it as placed; the order
     * methods below build the same orders as {@link StrategyContext}'s defaults, which submit a
     * factory's order (a test holds them equal), without the unplaced copy. The placed order is
     * built here, small enough to be inlined into the strategy, so that a strategy that ignores it
     * allocates nothing: the run keeps the order's fields, not the object.
     */
    Order place(String symbol, Order.Side side, OrderType type, Order.Sizing sizing, double amount, double price) {
        long id = run.place(symbol, side, type, sizing, amount, price);
        return new Order(id, symbol, side, type, sizing, amount, price, run.now(), "");
    }

    @Override
    public Order buy(String symbol, double quantity) {
        return place(symbol, Order.Side.BUY, OrderType.MARKET, Order.Sizing.QUANTITY, quantity, Double.NaN);
    }

    @Override
    public Order sell(String symbol, double quantity) {
        return place(symbol, Order.Side.SELL, OrderType.MARKET, Order.Sizing.QUANTITY, quantity, Double.NaN);
    }

    @Override
    public Order buyValue(String symbol, double cash) {
        return place(symbol, Order.Side.BUY, OrderType.MARKET, Order.Sizing.VALUE, cash, Double.NaN);
    }

    @Override
    public Order sellValue(String symbol, double cash) {
        return place(symbol, Order.Side.SELL, OrderType.MARKET, Order.Sizing.VALUE, cash, Double.NaN);
    }

    @Override
    public Order targetWeight(String symbol, double weight) {
        return place(symbol, null, OrderType.MARKET, Order.Sizing.TARGET_WEIGHT, weight, Double.NaN);
    }

    @Override
    public Order closePosition(String symbol) {
        return place(symbol, null, OrderType.MARKET, Order.Sizing.CLOSE, 0, Double.NaN);
    }

    @Override
    public Order buyLimit(String symbol, double quantity, double limit) {
        return place(symbol, Order.Side.BUY, OrderType.LIMIT, Order.Sizing.QUANTITY, quantity, limit);
    }

    @Override
    public Order sellLimit(String symbol, double quantity, double limit) {
        return place(symbol, Order.Side.SELL, OrderType.LIMIT, Order.Sizing.QUANTITY, quantity, limit);
    }

    @Override
    public Order buyStop(String symbol, double quantity, double stop) {
        return place(symbol, Order.Side.BUY, OrderType.STOP, Order.Sizing.QUANTITY, quantity, stop);
    }

    @Override
    public Order sellStop(String symbol, double quantity, double stop) {
        return place(symbol, Order.Side.SELL, OrderType.STOP, Order.Sizing.QUANTITY, quantity, stop);
    }

    @Override
    public boolean cancel(long orderId) {
        return run.cancel(orderId);
    }

    @Override
    public void record(Event.Kind kind, String symbol, String message, double value) {
        run.record(kind, symbol, message, value);
    }

    @Override
    public void track(String name, double value) {
        run.track(name, false, value);
    }

    @Override
    public void track(String name, boolean holds) {
        run.track(name, true, holds ? 1 : 0);
    }

    @Override
    public void warn(String message) {
        run.warn(message);
    }

    @Override
    public String toString() {
        return "StrategyContext(step " + run.step + ", " + run.nowInstant() + ")";
    }
}

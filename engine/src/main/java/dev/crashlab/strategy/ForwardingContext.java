package dev.crashlab.strategy;

import dev.crashlab.data.Instrument;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ta4j.core.BarSeries;

/**
 * A context that passes everything to another one: the base of strategy wrappers. A filter
 * overrides {@link #submit} to veto, defer or resize the wrapped strategy's orders, then hands
 * this context to the wrapped strategy:
 *
 * <pre>{@code
 * public void init(StrategyContext ctx) {
 *     inner = new ForwardingContext(ctx) {
 *         @Override public Order submit(Order order) {
 *             return allowed(order) ? super.submit(order) : order; // unplaced: held back
 *         }
 *     };
 *     wrapped.init(inner);
 * }
 * public void onBar(StrategyContext ctx) { wrapped.onBar(inner); }
 * }</pre>
 *
 * <p>The wrapped strategy sees the same bars, series and portfolio as the wrapper: wrapping adds
 * no way to look ahead.
 */
public class ForwardingContext implements StrategyContext {

    private final StrategyContext delegate;

    /** Creates a context that forwards to {@code delegate}. */
    public ForwardingContext(StrategyContext delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Returns the context this one forwards to. */
    protected StrategyContext delegate() {
        return delegate;
    }

    @Override
    public Instant time() {
        return delegate.time();
    }

    @Override
    public long timeMillis() {
        return delegate.timeMillis();
    }

    @Override
    public int step() {
        return delegate.step();
    }

    @Override
    public Instant start() {
        return delegate.start();
    }

    @Override
    public Instant end() {
        return delegate.end();
    }

    @Override
    public List<Instrument> instruments() {
        return delegate.instruments();
    }

    @Override
    public List<String> symbols() {
        return delegate.symbols();
    }

    @Override
    public Bars bars(String symbol) {
        return delegate.bars(symbol);
    }

    @Override
    public BarSeries ta4j(String symbol) {
        return delegate.ta4j(symbol);
    }

    @Override
    public Indicators indicators(String symbol) {
        return delegate.indicators(symbol);
    }

    @Override
    public PublishedSeries series(String name) {
        return delegate.series(name);
    }

    @Override
    public boolean hasSeries(String name) {
        return delegate.hasSeries(name);
    }

    @Override
    public Portfolio portfolio() {
        return delegate.portfolio();
    }

    @Override
    public Order submit(Order order) {
        return delegate.submit(order);
    }

    @Override
    public boolean cancel(long orderId) {
        return delegate.cancel(orderId);
    }

    @Override
    public void record(Event.Kind kind, String symbol, String message, double value) {
        delegate.record(kind, symbol, message, value);
    }

    @Override
    public void track(String name, double value) {
        delegate.track(name, value);
    }

    @Override
    public void track(String name, boolean holds) {
        delegate.track(name, holds);
    }

    @Override
    public void warn(String message) {
        delegate.warn(message);
    }
}

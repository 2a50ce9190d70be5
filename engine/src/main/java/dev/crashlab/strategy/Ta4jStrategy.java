package dev.crashlab.strategy;

import java.util.Objects;
import java.util.function.Function;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.Num;

/**
 * Runs an existing ta4j strategy (its entry and exit rules) unchanged as a crashlab strategy on
 * one instrument: when the entry rule is satisfied at the current bar and the strategy is flat,
 * it buys to {@code weight} of equity; when the exit rule is satisfied while it holds the
 * position, it closes it. The ta4j strategy is built on the context's growing ta4j series, so
 * its rules see no later bar.
 *
 * <p>The ta4j trading record follows the real fills: an entry is recorded at the bar where the
 * position appears, at its average cost; an exit at the bar where it is gone, at that bar's open
 * (where next-open market orders fill). Rules that read the record (stop-loss, stop-gain) thus
 * see crashlab's prices.
 */
public final class Ta4jStrategy implements Strategy {

    private final String symbol;
    private final Function<BarSeries, org.ta4j.core.Strategy> factory;
    private final double weight;
    private BarSeries series;
    private org.ta4j.core.Strategy rules;
    private TradingRecord record;

    /**
     * Creates the adapter.
     *
     * @param symbol  the instrument to trade
     * @param factory builds the ta4j strategy on the series it is given
     * @param weight  the fraction of equity to hold while in the market (1 = all in)
     */
    public Ta4jStrategy(String symbol, Function<BarSeries, org.ta4j.core.Strategy> factory, double weight) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.factory = Objects.requireNonNull(factory, "factory");
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be a positive number, got " + weight);
        }
        this.weight = weight;
    }

    @Override
    public void init(StrategyContext ctx) {
        series = ctx.ta4j(symbol);
        rules = factory.apply(series);
        record = new BaseTradingRecord();
    }

    @Override
    public void onBar(StrategyContext ctx) {
        if (!ctx.bars(symbol).isNew()) {
            return;
        }
        int index = series.getEndIndex();
        double quantity = ctx.portfolio().quantity(symbol);
        if (quantity > 0 && record.isClosed()) {
            record.enter(index, num(ctx.portfolio().position(symbol).averageCost()), num(quantity));
        } else if (quantity == 0 && !record.isClosed()) {
            record.exit(index, num(ctx.bars(symbol).open()), record.getCurrentPosition().getEntry().getAmount());
        }
        if (ctx.portfolio().hasOpenOrder(symbol)) {
            return;
        }
        if (record.isClosed() && rules.shouldEnter(index, record)) {
            ctx.submit(Order.targetWeight(symbol, weight).withTag(rules.getName() + " entry"));
        } else if (!record.isClosed() && rules.shouldExit(index, record)) {
            ctx.submit(Order.close(symbol).withTag(rules.getName() + " exit"));
        }
    }

    private Num num(double value) {
        return series.numFactory().numOf(value);
    }

    @Override
    public String name() {
        return rules == null ? "Ta4jStrategy" : "ta4j " + rules.getName();
    }
}

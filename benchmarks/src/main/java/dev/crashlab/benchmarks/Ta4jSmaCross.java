package dev.crashlab.benchmarks;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeExecutionModel;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The SMA crossover of {@link SmaCross} in ta4j 0.22: {@code SMAIndicator}s on the close price
 * (their window sums are plain, not correctly rounded: ta4j's answer differs from the reference),
 * {@code CrossedUp}/{@code CrossedDownIndicatorRule}s, a {@code BaseStrategy} with
 * {@value SmaCross#FIRST_DECISION_BAR} unstable bars (ta4j's SMA averages a partial window before
 * it is full; no decision is taken there), run by {@code BarSeriesManager}.
 *
 * <p>ta4j's {@link TradeOnNextOpenModel} trades a fixed amount; all-in sizing needs the cash at
 * the time of the fill, so {@link AllInOnNextOpen} does what it does (execute at the next bar's
 * open, nothing on the last bar) with the amount {@code cash / open} for an entry and the units
 * held for an exit.
 */
public final class Ta4jSmaCross {

    private Ta4jSmaCross() {
    }

    /** Builds the indicators and strategy on {@code series} (ta4j caches values, so each run needs new ones) and runs it. */
    public static TradingRecord run(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, SmaCross.FAST);
        SMAIndicator slow = new SMAIndicator(close, SmaCross.SLOW);
        Strategy strategy = new BaseStrategy("sma-cross", new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), SmaCross.FIRST_DECISION_BAR);
        AllInOnNextOpen execution = new AllInOnNextOpen(series.numFactory().numOf(SmaCross.INITIAL_CASH));
        return new BarSeriesManager(series, execution).run(strategy);
    }

    /** Returns the outcome of a trading record made by {@link #run}: its fills (entries and exits) and its final equity. */
    public static SmaCross.Outcome outcome(TradingRecord record, BarSeries series) {
        double cash = SmaCross.INITIAL_CASH;
        int fills = 0;
        for (Position position : record.getPositions()) {
            cash = position.getEntry().getAmount().doubleValue() * position.getExit().getPricePerAsset().doubleValue();
            fills += 2;
        }
        Position current = record.getCurrentPosition();
        if (current.isOpened()) {
            cash = current.getEntry().getAmount().doubleValue() * series.getLastBar().getClosePrice().doubleValue();
            fills++;
        }
        return new SmaCross.Outcome(fills, cash);
    }

    /**
     * Executes at the next bar's open, as {@link TradeOnNextOpenModel} does, but all in: an entry
     * buys {@code cash / open} units, an exit sells the units held and turns them into cash. One
     * instance per run: it keeps the cash.
     */
    static final class AllInOnNextOpen implements TradeExecutionModel {
        private Num cash;

        AllInOnNextOpen(Num initialCash) {
            this.cash = initialCash;
        }

        @Override
        public void execute(int index, TradingRecord record, BarSeries series, Num amount) {
            int next = index + 1;
            if (next > series.getEndIndex()) {
                return;
            }
            Num open = series.getBar(next).getOpenPrice();
            if (record.getCurrentPosition().isNew()) {
                record.enter(next, open, cash.dividedBy(open));
            } else {
                Num units = record.getCurrentPosition().getEntry().getAmount();
                record.exit(next, open, units);
                cash = units.multipliedBy(open);
            }
        }
    }
}

package dev.crashlab.strategy;

import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.indicator.PriceField;

/**
 * Creates crashlab's fast indicators on one instrument's bars. Each indicator is fed every bar
 * of the instrument, the history before the backtest's start included, and is current at every
 * step; create them in {@link Strategy#init} and read them in {@link Strategy#onBar}.
 */
public interface Indicators {

    /** Returns the simple moving average of the last {@code barCount} closes. */
    FastIndicator sma(int barCount);

    /** Returns the exponential moving average of closes, {@code k = 2 / (barCount + 1)}, as ta4j defines it. */
    FastIndicator ema(int barCount);

    /** Returns the highest {@code field} of the last {@code barCount} bars (0: all bars so far). */
    FastIndicator rollingMax(int barCount, PriceField field);

    /** Returns the lowest {@code field} of the last {@code barCount} bars (0: all bars so far). */
    FastIndicator rollingMin(int barCount, PriceField field);

    /** Returns close / highest close of the last {@code barCount} bars (0: all so far) − 1, a value &lt;= 0. */
    FastIndicator drawdownFromHigh(int barCount);

    /** Returns the simple return over {@code barCount} bars: close / close {@code barCount} bars ago − 1. */
    FastIndicator returns(int barCount);

    /** Returns the sample standard deviation of the last {@code barCount} one-bar returns, annualised with the run's periods per year. */
    FastIndicator realizedVolatility(int barCount);

    /** Returns the relative strength index over {@code barCount} bars, as ta4j defines it. */
    FastIndicator rsi(int barCount);

    /** Returns the average true range over {@code barCount} bars, as ta4j defines it. */
    FastIndicator atr(int barCount);

    /**
     * Returns the Pearson correlation of this instrument's returns with {@code other}'s over the
     * last {@code barCount} steps at which both have a bar; each return runs from the previous
     * such common step, so a weekday equity and a 24/7 crypto-asset are compared over the same
     * spans.
     */
    FastIndicator correlation(String other, int barCount);
}

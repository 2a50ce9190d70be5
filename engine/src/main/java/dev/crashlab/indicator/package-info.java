/**
 * Fast indicators: values computed bar by bar on primitive buffers, for the hot path of a
 * backtest.
 *
 * <h2>No look-ahead</h2>
 * An indicator never holds a price series. Bars are pushed in time order, through
 * {@link dev.crashlab.indicator.BarIndicator#update} one at a time or
 * {@link dev.crashlab.indicator.BarIndicator#updateAll} for a range; the indicator keeps only
 * what it has been pushed. The engine pushes every bar the run will reach when a strategy creates
 * an indicator, and hands the strategy a
 * {@linkplain dev.crashlab.indicator.BarIndicator#boundedBy bounded view}, whose methods read
 * values only up to the instrument's current bar, as backtesting.py's indicator arrays reach only
 * the current bar in {@code next}. {@code value(barsAgo)} refuses a negative offset.
 *
 * <h2>No allocation per update</h2>
 * Windows are ring buffers allocated in the constructor; the history of values is one
 * {@code double[]} that doubles when full, presized by the capacity hint constructors. An update
 * is O(1): rolling extremes by a monotonic deque (amortised), moving sums by compensated or
 * periodically recomputed running sums. An indicator that reads the close alone says so
 * ({@code readsCloseOnly}), and the engine then reads one price array for it, not five.
 *
 * <h2>Warm-up</h2>
 * A value is NaN until the indicator has seen enough bars for its full window; each class states
 * how many. {@link dev.crashlab.indicator.FastIndicator#isReady()} says when it is defined.
 *
 * <h2>Agreement with ta4j</h2>
 * Where ta4j 0.22 has the same indicator, the values agree with its {@code DoubleNum} values to
 * 1e-9 relative from the end of the warm-up on, including ta4j's seeding of EMA, RSI and ATR;
 * each class names its ta4j counterpart and any difference in definition.
 *
 * <h2>Conventions</h2>
 * Prices are in the instrument's quote currency; returns, drawdowns and volatilities are
 * fractions ({@code 0.05} is 5 %), volatilities annualised by a stated number of periods per
 * year; RSI is on its customary 0 to 100 scale.
 */
package dev.crashlab.indicator;

/**
 * Fast indicators: values computed bar by bar on primitive buffers, for the hot path of a
 * backtest.
 *
 * <h2>No look-ahead</h2>
 * An indicator never holds a price series. The engine pushes each bar of the instrument, in time
 * order, through {@link dev.crashlab.indicator.BarIndicator#update}; the indicator keeps only what
 * it has been pushed, so nothing reachable from it can reveal a later bar. {@code value(barsAgo)}
 * refuses a negative offset.
 *
 * <h2>No allocation per update</h2>
 * Windows are ring buffers allocated in the constructor; the history of values is one
 * {@code double[]} that doubles when full, presized by the capacity hint constructors. An update
 * is O(1): rolling extremes by a monotonic deque (amortised), moving sums by compensated or
 * periodically recomputed running sums.
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

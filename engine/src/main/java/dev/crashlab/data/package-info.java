/**
 * Market data as domain values: price series ({@link dev.crashlab.data.OhlcvSeries}, columnar and
 * immutable), instruments with their asset class and {@link dev.crashlab.data.TradingCalendar},
 * bar intervals ({@link dev.crashlab.data.BarInterval}), published non-price series
 * ({@link dev.crashlab.data.NonPriceSeries} with their {@link dev.crashlab.data.PublicationRule}),
 * and the universe of a backtest ({@link dev.crashlab.data.MarketData}).
 *
 * <h2>Invariants</h2>
 * Every series that exists obeys the bar rules ({@link dev.crashlab.data.BarRules}: finite
 * positive prices, high at least low, open and close inside the range, times strictly
 * increasing); {@link dev.crashlab.data.BarCollector} is the one gate rows pass to become bars,
 * and its errors ({@link dev.crashlab.data.DataFileException}) name file, line and field. Columns
 * read back from a cache pass the same rules again in
 * {@link dev.crashlab.data.OhlcvSeries#ofColumns}. A bar stamped t covers [t, end) of its
 * interval and becomes visible at its end.
 *
 * <h2>Intraday gaps are never silent</h2>
 * Missing intraday bars and bars off their interval's grid are warnings on the series; a
 * {@link dev.crashlab.data.GapPolicy} refuses, keeps or fills them, and a run's results state
 * them.
 *
 * <h2>Dependencies</h2>
 * The JDK and the root package only. Reading and writing files is {@code data.io}'s.
 */
package dev.crashlab.data;

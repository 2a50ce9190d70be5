/**
 * The strategy API: what a strategy, a wrapper or a regime classifier is written against, and
 * nothing of how the engine runs it.
 *
 * <h2>Main types</h2>
 * {@link dev.crashlab.strategy.Strategy} ({@code init}, {@code onBar}) and the
 * {@link dev.crashlab.strategy.StrategyContext} it receives: the bars, fast indicators, published
 * series and portfolio of the current step, and the order methods. Orders
 * ({@link dev.crashlab.strategy.Order}), positions, events and the portfolio view are values of
 * this package; {@link dev.crashlab.strategy.RegimeClassifier} labels steps through the same
 * context; {@link dev.crashlab.strategy.BuyAndHold} is the benchmark every run is measured
 * against. Conditions that combine into rules and filters are in
 * {@link dev.crashlab.strategy.condition}.
 *
 * <h2>No look-ahead</h2>
 * Nothing reachable from the context returns data of a later step: bars end at the current bar,
 * series at what is published by the step's time, calendars at the closures known by then.
 *
 * <h2>Symbols are strings</h2>
 * Instruments are named by their symbols exactly as the config writes them ({@code "BTC-USD"}),
 * in what a strategy passes and in what it gets back ({@link dev.crashlab.strategy.Order#symbol()},
 * {@link dev.crashlab.strategy.Position#symbol()}, {@link dev.crashlab.strategy.Event#symbol()}),
 * so comparing one with a string holds. The data layer's {@code Symbol} stays on the engine's
 * side; the engine converts at its boundary.
 *
 * <h2>Parameters and names</h2>
 * A strategy's parameters are a record with its rules declared once
 * ({@link dev.crashlab.strategy.Range}, {@link dev.crashlab.strategy.NonEmpty},
 * {@link dev.crashlab.strategy.AtMost}) and its defaults in {@code DEFAULTS}, enforced by
 * {@link dev.crashlab.strategy.Parameters#check} for config binding and code alike;
 * {@link dev.crashlab.strategy.StrategyName} gives a class a short name for configs.
 *
 * <h2>Dependencies</h2>
 * This package and its sub-packages use only {@code dev.crashlab.data}, {@code dev.crashlab.clock},
 * {@code dev.crashlab.indicator} and the root package, plus ta4j's {@code BarSeries} for
 * {@link dev.crashlab.strategy.Ta4jStrategy}; never the engine that runs them ({@code backtest},
 * {@code execution}, {@code portfolio}, {@code config}).
 */
package dev.crashlab.strategy;

/**
 * The results of backtests as typed records, and their JSON form: what {@code results.json}
 * holds, and everything reports and other tools read.
 *
 * <h2>Main types</h2>
 * {@link dev.crashlab.results.RunResults} is one run's document (schema
 * {@code crashlab-results/2}), made by {@code BacktestResult.toResults} and read back by
 * {@link dev.crashlab.results.ResultsJson}, the one place the JSON form is configured; its JSON
 * Schema, {@code crashlab-results-2.schema.json}, ships beside it in the engine jar.
 * {@link dev.crashlab.results.SweepResults} is a parameter sweep's. {@link dev.crashlab.results.Metric}
 * describes each metric for display; {@link dev.crashlab.results.Returns} derives the return
 * series pages draw (index, drawdowns, rolling and calendar returns) with the metrics' conventions.
 *
 * <h2>Figures</h2>
 * A figure is finite or NaN (undefined: {@code null} in the file, read back as NaN), and zero is
 * never negative ({@link dev.crashlab.results.Figures}), so that records made in process equal the
 * records read back from their file. Times are UTC instants; fractions are fractions.
 *
 * <h2>Dependencies</h2>
 * Records use only the JDK and Jackson, so that reports, which depend on this package alone, see
 * nothing of the engine. The package itself may use data, clock, the strategy API, execution,
 * portfolio and metrics ({@link dev.crashlab.results.RunMetrics#of} copies the metrics,
 * {@link dev.crashlab.results.Returns} delegates period returns to them).
 */
package dev.crashlab.results;

/**
 * The backtest: {@link dev.crashlab.backtest.Backtest} describes one strategy over market data
 * with its account, costs and margin, and runs it; the engine loop steps the clock, resolves each
 * step's bars along their paths (fills, stops, limits, liquidations), charges carry, feeds the
 * strategy its bounded context, and leaves a {@link dev.crashlab.backtest.BacktestResult}.
 * {@link dev.crashlab.backtest.BacktestBatch} runs many variants of one backtest (a sweep),
 * sharing what does not depend on the strategy, and keeps each one's
 * {@link dev.crashlab.backtest.VariantOutcome}: its metrics and period returns.
 *
 * <h2>Invariants</h2>
 * A strategy sees nothing beyond the current step: bars only once closed, series only once
 * published, calendars only as known then. The same inputs give the same result, byte for byte;
 * a batch's variant has the metrics of the same backtest run alone, to the bit.
 *
 * <h2>Dependencies</h2>
 * Everything before it on the data path, up to {@code results}; nothing of config, reports or
 * jobs.
 */
package dev.crashlab.backtest;

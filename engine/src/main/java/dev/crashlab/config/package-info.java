/**
 * Configuration: {@link dev.crashlab.config.ConfigLoader} reads a YAML or JSON config, checking
 * every field with errors that name its path; {@link dev.crashlab.config.RunPlanner} turns a run
 * into a {@link dev.crashlab.backtest.Backtest}, loading its data once and binding its strategy,
 * wrappers and regime classifier through {@link dev.crashlab.config.StrategyFactory}.
 *
 * <h2>Dependencies</h2>
 * The engine (everything up to {@code backtest}); never reports or jobs.
 */
package dev.crashlab.config;

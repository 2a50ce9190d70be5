/**
 * crashlab: backtesting strategies built for crash regimes. This root package holds only
 * {@link dev.crashlab.Crashlab}, facts about the build (its version), which every layer may read.
 *
 * <h2>The data path</h2>
 * The packages follow one direction, each using only those before it (a test in the jobs
 * module enforces it): {@code data} (and {@code data.io}) → {@code clock} → the strategy API
 * ({@code strategy}, {@code indicator}) → {@code execution} → {@code portfolio} →
 * {@code metrics} → {@code results} → {@code backtest} → {@code config}; the reports module
 * renders {@code results} only, and the jobs module plans, runs and writes.
 */
package dev.crashlab;

/**
 * JMH benchmarks of crashlab against ta4j and a hand-written loop, of loading price files, and
 * of sweeps; {@code benchmarks/README.md} says what each measures and records a run. Each
 * benchmark's setup checks that the implementations it compares give the same result before
 * anything is timed.
 *
 * <h2>Dependencies</h2>
 * crashlab's public API only (the engine through {@code Backtest} and {@code BacktestBatch}, the
 * seed strategies), ta4j and JMH.
 */
package dev.crashlab.benchmarks;

/**
 * Tail and pain figures of one run: how bad its worst periods were and how long it stayed under
 * water. {@link dev.crashlab.metrics.tail.TailMetrics} holds historical VaR and CVaR, tail
 * ratio, skewness, excess kurtosis, ulcer and pain index and the longest time under water of a
 * series of period returns; {@link dev.crashlab.metrics.tail.DrawdownEpisode} is one stretch of
 * the time-weighted index below its peak, from which the distribution of drawdown durations and
 * recovery time against depth follow. Every convention (quantile rule, signs, units) is stated
 * on {@code TailMetrics}.
 *
 * <h2>Invariants</h2>
 * Pure functions of their arrays: the same input gives the same figures. A figure the sample is
 * too short for is NaN, never an exception; only inconsistent input (times not matching the
 * returns) throws.
 *
 * <h2>Dependencies</h2>
 * The JDK, commons-math3 (through {@link dev.crashlab.metrics.ReturnMoments}) and
 * {@code dev.crashlab.metrics} (period returns, moments); nothing above the metrics.
 */
package dev.crashlab.metrics.tail;

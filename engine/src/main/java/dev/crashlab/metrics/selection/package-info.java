/**
 * Selection statistics for a sweep: is the best variant's edge real, or the luck of having tried
 * many? {@link dev.crashlab.metrics.selection.ProbabilisticSharpeRatio} (Bailey and López de
 * Prado 2012) is the probability that a Sharpe ratio beats a benchmark given its track record;
 * {@link dev.crashlab.metrics.selection.DeflatedSharpeRatio} (Bailey and López de Prado 2014)
 * sets that benchmark to the best Sharpe ratio N unskilled trials would show; {@link
 * dev.crashlab.metrics.selection.BacktestOverfitting} estimates the probability of backtest
 * overfitting by CSCV (Bailey, Borwein, López de Prado and Zhu 2015), ranking variants with a
 * pluggable {@link dev.crashlab.metrics.selection.PerformanceFunction}; {@link
 * dev.crashlab.metrics.selection.ParameterStability} measures how the best cell of a parameter
 * grid stands out from its neighbours and whether it sits on the grid's edge.
 *
 * <h2>Conventions</h2>
 * A sweep is a matrix {@code double[variant][period]} of period returns (those of {@link
 * dev.crashlab.metrics.PerformanceMetrics#periodReturns}), every variant over the same periods.
 * Sharpe ratios are per period, not annualised, unless a method says otherwise: the annualised
 * {@link dev.crashlab.metrics.Metrics#sharpe()} is the per-period one times √P. Each formula's
 * source and conventions are on its type.
 *
 * <h2>Invariants</h2>
 * Pure and deterministic: the same matrix gives the same figures, in the same order. Figures the
 * input cannot give are NaN; inconsistent input (ragged matrix, bad options) throws
 * {@link java.lang.IllegalArgumentException} naming the item.
 *
 * <h2>Dependencies</h2>
 * The JDK, commons-math3 (normal distribution, regression) and {@code dev.crashlab.metrics}
 * (moments); nothing above the metrics.
 */
package dev.crashlab.metrics.selection;

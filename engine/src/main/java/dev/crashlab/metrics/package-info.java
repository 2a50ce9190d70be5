/**
 * Performance figures, pure functions over a run's record: {@link
 * dev.crashlab.metrics.PerformanceMetrics} computes {@link dev.crashlab.metrics.Metrics} from an
 * equity curve, its external flows and its trades with the conventions stated on {@code Metrics};
 * {@link dev.crashlab.metrics.RoundTrips} derives {@link dev.crashlab.metrics.Trade}s from fills;
 * {@link dev.crashlab.metrics.RegimeStats} splits a run by regime; {@link
 * dev.crashlab.metrics.ReturnMoments} holds the one definition of the moments of period returns.
 *
 * <p>Sub-packages, by question asked of the returns: {@code metrics.tail} (how bad the worst
 * periods and drawdowns were), {@code metrics.selection} (whether a sweep's best variant is skill
 * or the luck of many tries), {@code metrics.resampling} (alternative histories for stress
 * tests). They use this package; it uses none of them.
 *
 * <h2>Dependencies</h2>
 * {@code data}, {@code execution} (fills), the layers before them, and commons-math3.
 */
package dev.crashlab.metrics;

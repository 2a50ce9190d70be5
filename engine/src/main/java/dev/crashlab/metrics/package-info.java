/**
 * Performance figures, pure functions over a run's record: {@link
 * dev.crashlab.metrics.PerformanceMetrics} computes {@link dev.crashlab.metrics.Metrics} from an
 * equity curve, its external flows and its trades with the conventions stated on {@code Metrics};
 * {@link dev.crashlab.metrics.RoundTrips} derives {@link dev.crashlab.metrics.Trade}s from fills;
 * {@link dev.crashlab.metrics.RegimeStats} splits a run by regime.
 *
 * <h2>Dependencies</h2>
 * {@code data}, {@code execution} (fills) and the layers before them.
 */
package dev.crashlab.metrics;

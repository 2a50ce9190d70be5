package dev.crashlab.results;

/**
 * How a run did over the periods credited to one regime ({@code dev.crashlab.metrics.RegimeStats}
 * defines each figure).
 *
 * @param label        the regime's label
 * @param steps        the number of periods credited to it
 * @param totalReturn  the compounded return over them
 * @param maxDrawdown  the deepest drawdown of that compounded index
 * @param timeInMarket the share of them that began with a position
 * @param tail         the tail and pain figures of their returns, on the clock of the regime's own
 *                     periods ({@code dev.crashlab.metrics.tail.PeriodSubset}): days count only the
 *                     time spent in the regime
 */
public record RegimeMetrics(String label, int steps, double totalReturn, double maxDrawdown, double timeInMarket,
        TailFigures tail) {
}

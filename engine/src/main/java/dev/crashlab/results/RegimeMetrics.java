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
 */
public record RegimeMetrics(String label, int steps, double totalReturn, double maxDrawdown, double timeInMarket) {
}

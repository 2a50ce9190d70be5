package dev.crashlab.results;

import java.util.List;

/**
 * The benchmark of a run: buy-and-hold of one instrument with the same cash, flows and costs.
 *
 * @param name    its name
 * @param metrics its metrics (beta and correlation undefined)
 * @param tail    its tail and pain figures, over all its periods
 * @param equity  its equity at each step's close
 */
public record BenchmarkResults(String name, RunMetrics metrics, TailFigures tail, List<Double> equity) {

    public BenchmarkResults {
        equity = List.copyOf(equity);
    }

    /** Returns the equity at each step as an array. */
    public double[] equityValues() {
        return Figures.array(equity);
    }
}

package dev.crashlab.backtest;

/**
 * Runs a backtest's engine loop alone, without building its {@link BacktestResult}: lives in the
 * engine's package (in the benchmarks module only) to reach {@code Run}, so that a benchmark can
 * tell the loop's cost from the cost of the result and its metrics.
 */
public final class EngineLoop {

    private EngineLoop() {
    }

    /** Runs {@code spec}'s strategy through the engine loop and returns its final equity. */
    public static double run(Backtest spec) {
        double[] equity = new Run(spec, spec.clock(), spec.strategy().get(), null).execute().equity();
        return equity[equity.length - 1];
    }
}

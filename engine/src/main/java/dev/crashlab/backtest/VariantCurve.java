package dev.crashlab.backtest;

import java.util.Objects;

/**
 * A variant's outcome with its curve: what {@link BacktestBatch#runCurve} returns for a caller
 * that needs the account at each step, such as the equity fan of stress paths.
 *
 * <p>The arrays are the run's own, handed over: no one else holds them.
 *
 * @param outcome     the variant's metrics and period returns
 * @param equity      its equity at each step's close
 * @param contributed the net external flows paid in by each step, cumulative (0 without flows)
 */
public record VariantCurve(VariantOutcome outcome, double[] equity, double[] contributed) {

    public VariantCurve {
        Objects.requireNonNull(outcome, "outcome");
        if (equity.length != contributed.length || equity.length != outcome.periods() + 1) {
            throw new IllegalArgumentException(equity.length + " equity values and " + contributed.length
                    + " flows for " + (outcome.periods() + 1) + " steps");
        }
    }
}

package dev.crashlab.backtest;

/**
 * Thrown when a backtest cannot complete: a strategy or classifier failed, naming the run, step
 * and time, or the strategy depends on prices the data does not hold, naming the instrument and
 * its range.
 */
public final class BacktestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the failure that stopped the run. */
    public BacktestException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception for a run refused as configured. */
    public BacktestException(String message) {
        super(message);
    }
}

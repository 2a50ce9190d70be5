package dev.crashlab.backtest;

/** Thrown when a backtest cannot complete: a strategy or classifier failed, naming the run, step and time. */
public final class BacktestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the failure that stopped the run. */
    public BacktestException(String message, Throwable cause) {
        super(message, cause);
    }
}

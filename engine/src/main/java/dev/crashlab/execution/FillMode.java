package dev.crashlab.execution;

/** When market orders fill. */
public enum FillMode {
    /** At the next bar's open of the order's instrument: the default, and the realistic one. */
    NEXT_OPEN,
    /**
     * At the close of the bar the order was placed on: optimistic, since the strategy decided on
     * that very close. Results say so.
     */
    CLOSE;

    /** Returns whether results should be labelled optimistic. */
    public boolean isOptimistic() {
        return this == CLOSE;
    }
}

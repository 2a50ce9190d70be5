package dev.crashlab.strategy;

import java.util.List;

/**
 * A regime classifier labels each step of a backtest (calm, drawdown, crash...) from what is
 * known at that step, through the same context a strategy gets, so labels cannot look ahead
 * either. Results carry the labels; metrics and reports break performance down by them.
 */
public interface RegimeClassifier {

    /** Returns the labels this classifier uses, in the order reports list them. */
    List<String> labels();

    /** Prepares the classifier, as {@code Strategy.init} does. */
    default void init(StrategyContext ctx) {
    }

    /** Returns the index in {@link #labels()} of the current step's regime. */
    int classify(StrategyContext ctx);

    /** Returns named crisis windows to mark on charts; none by default. */
    default List<CrisisWindow> namedWindows() {
        return List.of();
    }
}

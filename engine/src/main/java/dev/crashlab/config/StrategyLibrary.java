package dev.crashlab.config;

import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.Strategy;
import java.util.Collection;

/**
 * A library of strategies that configs may name by their simple class name. A jar registers one
 * through {@link java.util.ServiceLoader}: a file
 * {@code META-INF/services/dev.crashlab.config.StrategyLibrary} naming the implementation.
 * A strategy can always be named by its fully qualified class name too.
 */
public interface StrategyLibrary {

    /** Returns the strategy classes this library offers; each is known by its simple name. */
    Collection<Class<? extends Strategy>> strategies();

    /** Returns the regime classifiers this library offers, known by their simple names; none by default. */
    default Collection<Class<? extends RegimeClassifier>> regimeClassifiers() {
        return java.util.List.of();
    }
}

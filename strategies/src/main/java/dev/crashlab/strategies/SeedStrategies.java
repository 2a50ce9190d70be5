package dev.crashlab.strategies;

import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyLibrary;
import java.util.Collection;
import java.util.List;

/**
 * The seed strategies, registered so that configs name them by their simple names
 * ({@code "DcaOnDrawdown"}). {@link CrashRegime} is a regime classifier, not a strategy, and is
 * named by its full class name.
 */
public final class SeedStrategies implements StrategyLibrary {

    @Override
    public Collection<Class<? extends Strategy>> strategies() {
        return List.of(BuyAndHold.class, DcaOnDrawdown.class, DecemberReboundThenShort.class, EtfOutflowFilter.class,
                Leveraged.class);
    }
}

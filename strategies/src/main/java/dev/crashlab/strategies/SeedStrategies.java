package dev.crashlab.strategies;

import dev.crashlab.config.StrategyLibrary;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.Strategy;
import java.util.Collection;
import java.util.List;

/**
 * The seed strategies and the {@link CrashRegime} classifier, registered so that configs name
 * them by their simple names ({@code "DcaOnDrawdown"}, {@code "CrashRegime"}).
 */
public final class SeedStrategies implements StrategyLibrary {

    @Override
    public Collection<Class<? extends Strategy>> strategies() {
        return List.of(BuyAndHold.class, DcaOnDrawdown.class, DecemberReboundThenShort.class, EtfOutflowFilter.class,
                Leveraged.class);
    }

    @Override
    public Collection<Class<? extends RegimeClassifier>> regimeClassifiers() {
        return List.of(CrashRegime.class);
    }
}

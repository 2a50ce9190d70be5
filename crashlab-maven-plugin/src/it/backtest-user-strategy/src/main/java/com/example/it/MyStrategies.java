package com.example.it;

import dev.crashlab.config.StrategyLibrary;
import dev.crashlab.strategy.Strategy;
import java.util.Collection;
import java.util.List;

/** Makes WeeklyBuyer known by its short name. */
public final class MyStrategies implements StrategyLibrary {
    @Override
    public Collection<Class<? extends Strategy>> strategies() {
        return List.of(WeeklyBuyer.class);
    }
}

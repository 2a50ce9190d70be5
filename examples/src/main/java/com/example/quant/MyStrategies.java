package com.example.quant;

import dev.crashlab.config.StrategyLibrary;
import dev.crashlab.strategy.Strategy;
import java.util.Collection;
import java.util.List;

/** Lets crashlab.yaml name this project's strategies by their short names. */
public final class MyStrategies implements StrategyLibrary {
    @Override
    public Collection<Class<? extends Strategy>> strategies() {
        return List.of(OversoldBuyer.class);
    }
}

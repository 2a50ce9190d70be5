package dev.crashlab.testing;

import dev.crashlab.clock.Schedule;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
import java.util.List;

/** Strategies written the way seed strategies are, for tests of config binding. */
public final class TestStrategies {

    private TestStrategies() {
    }

    /** A strategy with parameters, as seed strategies are written, known by its simple name. */
    @StrategyName
    public static final class Dip implements Strategy {
        /** Its parameters. */
        public record Params(@Range(min = 0, max = 1) double threshold, @Range(min = 1) int lookbackDays,
                Schedule period, List<Double> tiers) {
            public static final Params DEFAULTS = new Params(0.2, 365, Schedule.WEEKLY, List.of());
        }

        public final Params params;

        public Dip(Params params) {
            this.params = Parameters.check(params);
        }

        @Override
        public void onBar(StrategyContext ctx) {
        }
    }

    /** A wrapper with parameters, known by a name of its own. */
    @StrategyName("double-up")
    public static final class Twice implements Strategy {
        /** Its parameters. */
        public record Params(double factor) {
            public static final Params DEFAULTS = new Params(2);
        }

        public final Strategy wrapped;
        public final Params params;

        public Twice(Strategy wrapped, Params params) {
            this.wrapped = wrapped;
            this.params = params;
        }

        @Override
        public void onBar(StrategyContext ctx) {
            wrapped.onBar(ctx);
        }
    }

    /** One of two classes that claim the same short name. */
    @StrategyName("Twin")
    public static final class TwinA implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
        }
    }

    /** The other class that claims the short name {@code Twin}. */
    @StrategyName("Twin")
    public static final class TwinB implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
        }
    }
}

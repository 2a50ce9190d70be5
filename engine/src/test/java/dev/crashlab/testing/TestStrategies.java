package dev.crashlab.testing;

import dev.crashlab.clock.Schedule;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.util.List;

/** Strategies written the way seed strategies are, for tests of config binding. */
public final class TestStrategies {

    private TestStrategies() {
    }

    /** A strategy with parameters, as seed strategies are written. */
    public static final class Dip implements Strategy {
        /** Its parameters. */
        public record Params(@Range(min = 0, max = 1) double threshold, @Range(min = 1) int lookbackDays,
                Schedule period, List<Double> tiers) {
            public Params {
                if (tiers == null) {
                    throw new IllegalArgumentException("tiers must be given");
                }
            }

            public Params() {
                this(0.2, 365, Schedule.WEEKLY, List.of());
            }
        }

        public final Params params;

        public Dip(Params params) {
            this.params = params;
        }

        public Dip() {
            this(new Params());
        }

        @Override
        public void onBar(StrategyContext ctx) {
        }
    }

    /** A wrapper with parameters. */
    public static final class Twice implements Strategy {
        /** Its parameters. */
        public record Params(double factor) {
            public Params() {
                this(2);
            }
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

}

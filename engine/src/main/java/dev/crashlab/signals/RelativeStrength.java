package dev.crashlab.signals;

import dev.crashlab.strategy.StrategyContext;
import java.util.Objects;

/**
 * Relative strength of an instrument against a benchmark, such as an altcoin against bitcoin:
 * the coins that held up while bitcoin fell are the ones said to rebound first once it stops.
 *
 * <pre>{@code
 * RelativeStrength vsBtc = RelativeStrength.vs("BTC-USD");
 * Condition heldUp = vsBtc.of("SOL-USD", 30).above(0);
 * }</pre>
 *
 * <p>Closes are read as in {@link Contagion}: now is the current bar, "as of" a date the last bar
 * dated on or before it; a daily bar is read at the step of its date, after its close. <b>Missing data:</b> NaN while either instrument has no bar, has a
 * current bar dated before T − maxAgeDays (default {@value #DEFAULT_MAX_AGE_DAYS}: daily crypto
 * bars are 0 days old at a daily step), or has no bar as old as T − days.
 *
 * @param benchmark  the benchmark's symbol
 * @param maxAgeDays the oldest a bar may be, in days before the date it stands for
 */
public record RelativeStrength(String benchmark, int maxAgeDays) {

    /** Days a daily crypto instrument may go without a new bar. */
    public static final int DEFAULT_MAX_AGE_DAYS = 3;

    public RelativeStrength {
        Objects.requireNonNull(benchmark, "benchmark");
        Labels.atLeast("maxAgeDays", maxAgeDays, 0);
    }

    /** Returns the strength against {@code benchmark}, with the default maximum age. */
    public static RelativeStrength vs(String benchmark) {
        return new RelativeStrength(benchmark, DEFAULT_MAX_AGE_DAYS);
    }

    /** Returns this comparison with another maximum age, in days. */
    public RelativeStrength withMaxAgeDays(int days) {
        return new RelativeStrength(benchmark, days);
    }

    /**
     * Returns {@code symbol}'s strength over {@code days} calendar days, a fraction:
     * (close now / close as of T − days) / (benchmark's close now / its close as of T − days) − 1.
     * 0.1: the instrument did 10 % better than the benchmark.
     */
    public DataSignal of(String symbol, int days) {
        return new Strength(this, Objects.requireNonNull(symbol, "symbol"), Labels.atLeast("days", days, 1));
    }

    private record Strength(RelativeStrength against, String symbol, int days) implements Explained {
        @Override
        public String name() {
            return "alt.vs(" + symbol + "/" + against.benchmark + ", " + days + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            double own = Inputs.change(ctx, symbol, days, against.maxAgeDays, why);
            double benchmark = Inputs.change(ctx, against.benchmark, days, against.maxAgeDays, why);
            return (1 + own) / (1 + benchmark) - 1;
        }
    }
}

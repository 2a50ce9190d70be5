package dev.crashlab.stress;

import java.util.List;

/**
 * How many stress paths to make and how: the options of {@link StressTest}, defaults in
 * {@link #DEFAULTS}. The crisis windows crisis replay splices are not an option: they are the
 * backtest's own ({@code Backtest#crises()}), the windows its crisis scorecard scores.
 *
 * @param paths              paths per method, at least 1
 * @param seed               the seed: path k of a method depends on (seed, k) alone
 * @param methods            the methods, each once, at least one
 * @param meanBlockDays      the bootstrap's mean block length in days, at least 1; NaN for the
 *                           default (see {@link StressTest})
 * @param drawdownThresholds the drawdowns whose probability is reported, each in (−1, 0)
 */
public record StressOptions(int paths, long seed, List<StressMethod> methods, double meanBlockDays,
        List<Double> drawdownThresholds) {

    /** 1,000 bootstrap paths of seed 1, the default block length, drawdowns beyond −25, −50 and −75 %. */
    public static final StressOptions DEFAULTS = new StressOptions(1_000, 1, List.of(StressMethod.BOOTSTRAP), Double.NaN,
            List.of(-0.25, -0.5, -0.75));

    public StressOptions {
        methods = List.copyOf(methods);
        drawdownThresholds = List.copyOf(drawdownThresholds);
        if (paths < 1) {
            throw new IllegalArgumentException("paths: expected at least 1, got " + paths);
        }
        if (methods.isEmpty() || methods.stream().distinct().count() != methods.size()) {
            throw new IllegalArgumentException("methods: expected each method at most once and at least one, got " + methods);
        }
        if (!Double.isNaN(meanBlockDays) && !(meanBlockDays >= 1 && Double.isFinite(meanBlockDays))) {
            throw new IllegalArgumentException("meanBlockDays: expected a number of days >= 1, got " + meanBlockDays);
        }
        for (double d : drawdownThresholds) {
            if (!(d > -1 && d < 0)) {
                throw new IllegalArgumentException("drawdownThresholds: expected fractions in (-1, 0) such as -0.5, got " + d);
            }
        }
    }

    /** Returns these options with {@code value} paths per method. */
    public StressOptions withPaths(int value) {
        return new StressOptions(value, seed, methods, meanBlockDays, drawdownThresholds);
    }

    /** Returns these options with the seed {@code value}. */
    public StressOptions withSeed(long value) {
        return new StressOptions(paths, value, methods, meanBlockDays, drawdownThresholds);
    }

    /** Returns these options with the methods {@code value}. */
    public StressOptions withMethods(List<StressMethod> value) {
        return new StressOptions(paths, seed, value, meanBlockDays, drawdownThresholds);
    }

    /** Returns these options with the mean block length {@code value} (NaN for the default). */
    public StressOptions withMeanBlockDays(double value) {
        return new StressOptions(paths, seed, methods, value, drawdownThresholds);
    }
}

package dev.crashlab.results;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The stress paths of one method and what they add up to.
 *
 * @param method        {@code bootstrap} or {@code crisis-replay}
 * @param paths         every path's figures, path 0 first
 * @param probabilities the shares of paths liquidated, ending below what was put in, and falling
 *                      beyond each drawdown threshold
 * @param distributions the distribution of each of {@link StressFigures#DISTRIBUTED}
 * @param fan           the equity quantiles across paths at each step, one band per level of
 *                      {@link Quantiles#LEVELS}
 */
public record StressSet(String method, List<StressFigures> paths, StressProbabilities probabilities,
        List<StressDistribution> distributions, List<StressBand> fan) {

    public StressSet {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(probabilities, "probabilities");
        paths = List.copyOf(paths);
        distributions = List.copyOf(distributions);
        fan = List.copyOf(fan);
    }

    /** Returns the share of paths for which {@code event} holds (0 without paths). */
    public double probability(Predicate<StressFigures> event) {
        return Quantiles.share(paths, event);
    }

    /**
     * A band of the equity fan: the {@code level} quantile of the paths' equity at each step.
     *
     * @param level  the quantile's level, such as 0.05
     * @param equity its value at each step
     */
    public record StressBand(double level, List<Double> equity) {
        public StressBand {
            equity = List.copyOf(equity);
        }
    }
}

package dev.crashlab.results;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A run's stress paths as its {@code results.json} carries them ({@link RunResults#stress()}):
 * every figure of the stress document ({@link StressResults}) that describes the paths as a
 * whole — how they were made, the run's historical figures, and per method the probabilities and
 * the distribution (mean, quantiles, histogram) of every figure. The per-path figures and the
 * equity fan, one value per path or per step, stay in the document this names.
 *
 * @param document    the stress document, relative to the output folder ({@code stress-<run>/stress.json})
 * @param generatedAt when the stress document was written
 * @param terms       how the paths were made
 * @param historical  the run's figures on the real history, through the same engine path as the paths
 * @param sets        one per method, in the order configured
 */
public record StressSummary(String document, Instant generatedAt, StressTerms terms, StressFigures historical,
        List<Set> sets) {

    public StressSummary {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(historical, "historical");
        sets = List.copyOf(sets);
    }

    /**
     * One method's paths, summarised.
     *
     * @param method        {@code bootstrap} or {@code crisis-replay}
     * @param paths         the number of paths
     * @param probabilities the probabilities of liquidation, of ending below contributions, of drawdowns beyond thresholds
     * @param distributions the distribution of each figure over the paths
     */
    public record Set(String method, int paths, StressProbabilities probabilities, List<StressDistribution> distributions) {

        public Set {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(probabilities, "probabilities");
            distributions = List.copyOf(distributions);
        }
    }

    /** Returns the summary of {@code stress}, written as {@code document} (relative to the output folder). */
    public static StressSummary of(StressResults stress, String document) {
        return new StressSummary(document, stress.generatedAt(), stress.terms(), stress.historical(), stress.sets().stream()
                .map(s -> new Set(s.method(), s.paths().size(), s.probabilities(), s.distributions())).toList());
    }
}

package dev.crashlab.results;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A run's stress paths as its {@code results.json} carries them ({@link RunResults#stress()}):
 * the stress document ({@link StressResults}) but for what the run's results already hold (its
 * steps, invested cash and equity, {@link StressResults#steps()}) — how the paths were made, the
 * run's historical figures, and per method every path's figures, the probabilities, the
 * distribution of every figure and the equity fan (one value per step of the run).
 *
 * @param document    the stress document, relative to the output folder ({@code stress-<run>/stress.json})
 * @param generatedAt when the stress document was written
 * @param terms       how the paths were made
 * @param historical  the run's figures on the real history, through the same engine path as the paths
 * @param sets        one set of paths per method, in the order configured
 */
public record StressSummary(String document, Instant generatedAt, StressTerms terms, StressFigures historical,
        List<StressSet> sets) {

    public StressSummary {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(historical, "historical");
        sets = List.copyOf(sets);
    }

    /** Returns the summary of {@code stress}, written as {@code document} (relative to the output folder). */
    public static StressSummary of(StressResults stress, String document) {
        return new StressSummary(document, stress.generatedAt(), stress.terms(), stress.historical(), stress.sets());
    }
}

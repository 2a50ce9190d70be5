package dev.crashlab.results;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stress paths of one run, the document written as {@code stress-<run>/stress.json} (schema
 * {@value #SCHEMA}; README, "Stress paths", and the JSON Schema {@code crashlab-stress-1.schema.json}
 * beside this class describe every field): the run re-simulated on many resampled histories, each
 * path's figures, and their distributions, probabilities and equity fan per method.
 *
 * @param schema          always {@value #SCHEMA}
 * @param crashlabVersion the crashlab version that ran the paths
 * @param generatedAt     when the document was written
 * @param name            the run's name
 * @param strategy        the run's strategy and parameters
 * @param terms           how the paths were made
 * @param steps           the run's steps, its invested cash and its historical equity at each
 * @param historical      the figures of the run on the real history, through the same engine path
 * @param sets            one set of paths per method, in the order configured
 */
public record StressResults(String schema, String crashlabVersion, Instant generatedAt, String name, StrategyInfo strategy,
        StressTerms terms, StressSteps steps, StressFigures historical, List<StressSet> sets) {

    /** The document's layout version; it changes when a field changes meaning or moves. */
    public static final String SCHEMA = "crashlab-stress/1";

    public StressResults {
        if (!SCHEMA.equals(schema)) {
            throw new ResultsException("schema", "expected \"" + SCHEMA + "\", got \"" + schema + "\"");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(historical, "historical");
        sets = List.copyOf(sets);
        if (sets.isEmpty()) {
            throw new ResultsException("sets", "expected at least one set of paths");
        }
        for (int i = 0; i < sets.size(); i++) {
            for (int b = 0; b < sets.get(i).fan().size(); b++) {
                if (sets.get(i).fan().get(b).equity().size() != steps.times().size()) {
                    throw new ResultsException("sets[" + i + "].fan[" + b + "].equity", "expected one value per step ("
                            + steps.times().size() + "), got " + sets.get(i).fan().get(b).equity().size());
                }
            }
        }
    }

    /** Returns the set of paths made by {@code method} ({@code bootstrap}, {@code crisis-replay}), if there is one. */
    public Optional<StressSet> set(String method) {
        return sets.stream().filter(s -> s.method().equals(method)).findFirst();
    }

    /** Returns every path's figures, set by set in order. */
    public List<StressFigures> allPaths() {
        return sets.stream().flatMap(s -> s.paths().stream()).toList();
    }
}

package dev.crashlab.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A walk-forward analysis of a run as the run's {@code results.json} carries it
 * ({@link RunResults#walkforward()}): its terms, every fold (dates, chosen variant and parameters,
 * in- and out-of-sample metrics, regimes), the three stitched curves with their metrics and the
 * walk-forward efficiencies ({@link WalkForwardResults} defines each); the walk-forward document
 * this names holds the same and the grid.
 *
 * @param document            the walk-forward document, relative to the output folder
 *                            ({@code walkforward-<run>/walkforward.json})
 * @param generatedAt         when the walk-forward document was written
 * @param name                its name
 * @param metric              the metric that chose each fold's variant
 * @param mode                {@code anchored} or {@code rolling}
 * @param inSample            the in-sample span, as the config writes it
 * @param outOfSample         the out-of-sample span
 * @param purgeDays           the days left out between each window and its segment
 * @param fixedParameters     the run's own values of the swept parameters
 * @param folds               the folds, in time order
 * @param outOfSampleCurve    the walk-forward's stitched out-of-sample equity
 * @param inSampleBestCurve   the in-sample-optimised variant's, stitched the same way
 * @param fixedCurve          the run's own parameters', stitched the same way
 * @param efficiency          walk-forward efficiency of returns
 * @param sharpeEfficiency    walk-forward efficiency of Sharpe ratios
 */
public record WalkForwardSummary(String document, Instant generatedAt, String name, String metric, String mode,
        String inSample, String outOfSample, int purgeDays, Map<String, JsonNode> fixedParameters,
        List<WalkForwardFold> folds, WalkForwardCurve outOfSampleCurve, WalkForwardCurve inSampleBestCurve,
        WalkForwardCurve fixedCurve, double efficiency, double sharpeEfficiency) {

    public WalkForwardSummary {
        Objects.requireNonNull(document, "document");
        fixedParameters = Fields.ordered(fixedParameters);
        folds = List.copyOf(folds);
        Objects.requireNonNull(outOfSampleCurve, "outOfSampleCurve");
        Objects.requireNonNull(inSampleBestCurve, "inSampleBestCurve");
        Objects.requireNonNull(fixedCurve, "fixedCurve");
    }

    /** Returns the summary of {@code walkForward}, written as {@code document} (relative to the output folder). */
    public static WalkForwardSummary of(WalkForwardResults walkForward, String document) {
        return new WalkForwardSummary(document, walkForward.generatedAt(), walkForward.name(), walkForward.metric(),
                walkForward.mode(), walkForward.inSample(), walkForward.outOfSample(), walkForward.purgeDays(),
                walkForward.fixedParameters(), walkForward.folds(), walkForward.outOfSampleCurve(),
                walkForward.inSampleBestCurve(), walkForward.fixedCurve(), walkForward.efficiency(),
                walkForward.sharpeEfficiency());
    }
}

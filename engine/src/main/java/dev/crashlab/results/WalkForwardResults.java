package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The results of a walk-forward analysis, the document written as
 * {@code walkforward-<run>/walkforward.json} (schema {@value #SCHEMA}; README, "Walk-forward", and
 * the JSON Schema {@code crashlab-walkforward-1.schema.json} beside this class describe every
 * field): the folds, the variant each chose in sample and how it did out of sample, and three
 * curves over the out-of-sample span, each stitched from the segments the same way so that they
 * differ only in parameters: the walk-forward's, the in-sample-optimised one (the variant best
 * over the whole run, chosen with hindsight) and the fixed one (the run's own parameters).
 *
 * <h2>Walk-forward efficiency</h2>
 * After Pardo (2008, "The Evaluation and Optimization of Trading Strategies", 2nd ed., ch. 11):
 * the annualised return earned out of sample over the annualised return the chosen variants
 * showed in sample. Here {@code efficiency} = the stitched out-of-sample curve's CAGR / the mean
 * of the folds' in-sample CAGRs (of their chosen variants), and {@code sharpeEfficiency} the same
 * ratio of annualised Sharpe ratios. Each is NaN when its denominator is not positive: a ratio to
 * a loss says nothing. Near 1, the in-sample figures carried over; well below, they were luck or
 * overfitting; above 1, the out-of-sample years were kinder.
 *
 * @param schema                 always {@value #SCHEMA}
 * @param crashlabVersion        the crashlab version that ran it
 * @param generatedAt            when the results were written
 * @param name                   its name
 * @param run                    the run's name
 * @param metric                 the metric that chose each fold's variant, a field of {@link RunMetrics}
 * @param mode                   {@code anchored} or {@code rolling}
 * @param inSample               the in-sample span, as the config writes it ({@code 2y})
 * @param outOfSample            the out-of-sample span ({@code 6m})
 * @param purgeDays              the days left out between each window and its segment
 * @param axes                   the grid the variants were chosen from
 * @param fixedParameters        the run's own values of the swept parameters
 * @param inSampleBestVariant    the variant best over the whole run, −1 when none had a value of
 *                               the metric (the run's own parameters stood in)
 * @param inSampleBestParameters its values of the swept parameters
 * @param regimeLabels           the run's regime labels, null without a regime classifier
 * @param crisisLabels           the labels of {@code regimeLabels} that mark a crisis
 *                               ({@code CRASH}, {@code LIQUIDITY_CRISIS}); empty when it has none
 * @param folds                  the folds, in time order, their segments following each other
 * @param outOfSampleCurve       the walk-forward's stitched out-of-sample equity
 * @param inSampleBestCurve      the in-sample-optimised variant's, stitched the same way
 * @param fixedCurve             the run's own parameters', stitched the same way
 * @param efficiency             walk-forward efficiency of returns
 * @param sharpeEfficiency       walk-forward efficiency of Sharpe ratios
 */
public record WalkForwardResults(String schema, String crashlabVersion, Instant generatedAt, String name, String run,
        String metric, String mode, String inSample, String outOfSample, int purgeDays, List<SweepAxis> axes,
        Map<String, tools.jackson.databind.JsonNode> fixedParameters, int inSampleBestVariant,
        Map<String, tools.jackson.databind.JsonNode> inSampleBestParameters,
        @JsonSetter(nulls = Nulls.SET) List<String> regimeLabels, List<String> crisisLabels, List<WalkForwardFold> folds,
        WalkForwardCurve outOfSampleCurve, WalkForwardCurve inSampleBestCurve, WalkForwardCurve fixedCurve,
        double efficiency, double sharpeEfficiency) {

    /** The document's layout version; it changes when a field changes meaning or moves. */
    public static final String SCHEMA = "crashlab-walkforward/1";

    /**
     * The figures a risk limit can read as {@code walkforward.<figure>} ({@link #figure}): the
     * efficiencies, the number of folds and of folds whose segment meets a crisis regime, then
     * the stitched out-of-sample curve's {@link CurveMetrics#FIELDS}.
     */
    public static final List<String> FIGURES = Stream.concat(
            Stream.of("efficiency", "sharpeEfficiency", "folds", "crisisFolds"),
            CurveMetrics.FIELDS.stream()).toList();

    public WalkForwardResults {
        if (!SCHEMA.equals(schema)) {
            throw new ResultsException("schema", "expected \"" + SCHEMA + "\", got \"" + schema + "\"");
        }
        Objects.requireNonNull(crashlabVersion, "crashlabVersion");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(outOfSampleCurve, "outOfSampleCurve");
        Objects.requireNonNull(inSampleBestCurve, "inSampleBestCurve");
        Objects.requireNonNull(fixedCurve, "fixedCurve");
        if (Metric.of(metric).filter(m -> m.better() != 0).isEmpty()) {
            throw new ResultsException("metric", "expected a metric with a better direction, got \"" + metric + "\"");
        }
        if (!mode.equals("anchored") && !mode.equals("rolling")) {
            throw new ResultsException("mode", "expected \"anchored\" or \"rolling\", got \"" + mode + "\"");
        }
        axes = List.copyOf(axes);
        fixedParameters = Fields.ordered(fixedParameters);
        inSampleBestParameters = Fields.ordered(inSampleBestParameters);
        regimeLabels = regimeLabels == null ? null : List.copyOf(regimeLabels);
        crisisLabels = List.copyOf(crisisLabels);
        folds = List.copyOf(folds);
        if (folds.isEmpty()) {
            throw new ResultsException("folds", "no fold");
        }
        for (int k = 0; k < folds.size(); k++) {
            WalkForwardFold f = folds.get(k);
            if (f.index() != k) {
                throw new ResultsException("folds[" + k + "].index", "expected " + k + ", got " + f.index());
            }
            if (k > 0 && !f.outOfSampleFrom().equals(folds.get(k - 1).outOfSampleTo().plusDays(1))) {
                throw new ResultsException("folds[" + k + "].outOfSampleFrom", "expected " + folds.get(k - 1).outOfSampleTo()
                        .plusDays(1) + ", the day after the previous segment, got " + f.outOfSampleFrom());
            }
            if ((f.regimes() == null) != (regimeLabels == null)) {
                throw new ResultsException("folds[" + k + "].regimes", regimeLabels == null
                        ? "expected null: the run has no regime labels" : "expected the periods per label of " + regimeLabels);
            }
            if (f.regimes() != null) {
                if (!List.copyOf(f.regimes().keySet()).equals(regimeLabels)) {
                    throw new ResultsException("folds[" + k + "].regimes", "expected the labels " + regimeLabels + ", got "
                            + f.regimes().keySet());
                }
                int crisis = crisisLabels.stream().mapToInt(l -> f.regimes().get(l)).sum();
                if (crisis != f.crisisPeriods()) {
                    throw new ResultsException("folds[" + k + "].crisisPeriods", "expected " + crisis + ", the periods of "
                            + crisisLabels + ", got " + f.crisisPeriods());
                }
            }
        }
        if (!crisisLabels.isEmpty() && (regimeLabels == null || !regimeLabels.containsAll(crisisLabels))) {
            throw new ResultsException("crisisLabels", crisisLabels + " are not all among the regime labels " + regimeLabels);
        }
    }

    /** Returns the folds whose out-of-sample segment holds a period of a crisis regime. */
    public List<WalkForwardFold> crisisFolds() {
        return folds.stream().filter(WalkForwardFold::crisis).toList();
    }

    /**
     * Returns the figure {@code name} of {@link #FIGURES}, as a risk limit reads it.
     *
     * @throws IllegalArgumentException when {@code name} is not one of {@link #FIGURES}
     */
    public double figure(String name) {
        return switch (name) {
            case "efficiency" -> efficiency;
            case "sharpeEfficiency" -> sharpeEfficiency;
            case "folds" -> folds.size();
            case "crisisFolds" -> crisisFolds().size();
            default -> {
                if (!CurveMetrics.FIELDS.contains(name)) {
                    throw new IllegalArgumentException("unknown walk-forward figure \"" + name + "\"; known: " + FIGURES);
                }
                yield outOfSampleCurve.metrics().figure(name);
            }
        };
    }
}

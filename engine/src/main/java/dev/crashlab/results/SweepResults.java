package dev.crashlab.results;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.JsonNode;

/**
 * The results of a parameter sweep, the document written as {@code sweep-<run>/sweep.json}
 * (schema {@value #SCHEMA}; README, "sweep.json", and the JSON Schema
 * {@code crashlab-sweep-1.schema.json} beside this class describe every field): the grid, every
 * variant's parameters and metrics in grid order, the chosen variant and the statistics of its
 * selection ({@link SweepSelection}).
 *
 * <p>The constructor checks that the parts fit together and fails with a {@link ResultsException}
 * naming the field: the variants are the grid's cells in row-major order (the last axis varying
 * fastest), each with exactly its cell's values; {@code best} is the variant the metric chooses
 * ({@link Metric#bestOf}: the best finite value in the metric's better direction, the first of
 * equal ones, −1 when none); the selection is about that variant.
 *
 * @param schema          always {@value #SCHEMA}
 * @param crashlabVersion the crashlab version that ran the sweep
 * @param generatedAt     when the results were written
 * @param name            the sweep's name
 * @param run             the swept run's name
 * @param metric          the field of {@link RunMetrics} that ranks the variants, one with a
 *                        better direction (see {@link Metric})
 * @param axes            the swept parameters and their values, at least one
 * @param best            the index of the chosen variant, −1 when no variant has a value of the metric
 * @param variants        the variants, in grid order
 * @param selection       the selection statistics of the chosen variant
 */
public record SweepResults(String schema, String crashlabVersion, Instant generatedAt, String name, String run,
        String metric, List<SweepAxis> axes, int best, List<SweepVariant> variants, SweepSelection selection) {

    /** The document's layout version; it changes when a field changes meaning or moves. */
    public static final String SCHEMA = "crashlab-sweep/1";

    /**
     * The figures a risk limit can read as {@code sweep.<figure>} ({@link #figure}), in the order
     * error messages list them.
     */
    public static final List<String> FIGURES = List.of("probabilisticSharpe", "deflatedSharpe", "pbo",
            "probabilityOfLoss", "degradationSlope", "trials", "trialSharpeVariance", "expectedMaximumSharpe", "sharpe",
            "dropToMean", "dropToWorst", "relativeDrop", "onEdge");

    public SweepResults {
        if (!SCHEMA.equals(schema)) {
            throw new ResultsException("schema", "expected \"" + SCHEMA + "\", got \"" + schema + "\"");
        }
        Objects.requireNonNull(crashlabVersion, "crashlabVersion");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(selection, "selection");
        axes = List.copyOf(axes);
        variants = List.copyOf(variants);
        Metric ranking = Metric.of(metric).filter(m -> m.better() != 0).orElseThrow(() -> new ResultsException("metric",
                "expected a metric with a better direction, one of " + Metric.ALL.stream().filter(m -> m.better() != 0)
                        .map(Metric::field).toList() + ", got \"" + metric + "\""));
        checkGrid(axes, variants);
        for (int k = 0; k < variants.size(); k++) {
            String id = variantId(run, k, variants.size());
            if (!variants.get(k).id().equals(id)) {
                throw new ResultsException("variants[" + k + "].id", "expected \"" + id + "\", the run's name and the"
                        + " variant's index, got \"" + variants.get(k).id() + "\"");
            }
        }
        int chosen = ranking.bestOf(variants.stream().mapToDouble(v -> ranking.of(v.metrics())).toArray());
        if (best != chosen) {
            throw new ResultsException("best", "expected " + chosen + ", the variant with the best " + metric + ", got " + best);
        }
        if (selection.variant() != best) {
            throw new ResultsException("selection.variant", "expected " + best + " (best), got " + selection.variant());
        }
        if (selection.trials() != variants.size()) {
            throw new ResultsException("selection.trials", "expected " + variants.size() + " (the variants), got "
                    + selection.trials());
        }
    }

    /** Checks that the variants are the cells of the grid of {@code axes}, in row-major order. */
    private static void checkGrid(List<SweepAxis> axes, List<SweepVariant> variants) {
        if (axes.isEmpty()) {
            throw new ResultsException("axes", "no swept parameter");
        }
        Set<String> names = new HashSet<>();
        long cells = 1;
        for (int a = 0; a < axes.size(); a++) {
            if (!names.add(axes.get(a).parameter())) {
                throw new ResultsException("axes[" + a + "].parameter", "\"" + axes.get(a).parameter() + "\" is swept twice");
            }
            cells *= axes.get(a).size();
        }
        if (variants.size() != cells) {
            throw new ResultsException("variants", variants.size() + " variants for a grid of " + cells + " cells");
        }
        for (int k = 0; k < variants.size(); k++) {
            Map<String, JsonNode> parameters = variants.get(k).parameters();
            if (!parameters.keySet().equals(names)) {
                throw new ResultsException("variants[" + k + "].parameters", "expected the swept parameters "
                        + axes.stream().map(SweepAxis::parameter).toList() + ", got " + parameters.keySet());
            }
            int rest = k;
            for (int a = axes.size() - 1; a >= 0; a--) {
                SweepAxis axis = axes.get(a);
                JsonNode expected = axis.values().get(rest % axis.size());
                rest /= axis.size();
                if (!expected.equals(parameters.get(axis.parameter()))) {
                    throw new ResultsException("variants[" + k + "].parameters." + axis.parameter(), "expected " + expected
                            + " (variants are the grid's cells in order, the last axis varying fastest), got "
                            + parameters.get(axis.parameter()));
                }
            }
        }
    }

    /**
     * Returns the id of variant {@code index} of a sweep of {@code run} with {@code count}
     * variants: {@code <run>-<index>}, the index from 0 in grid order and zero-padded to the width
     * of the last one ({@code dca-007} of 100), so that ids sort in grid order.
     */
    public static String variantId(String run, int index, int count) {
        int width = Integer.toString(Math.max(0, count - 1)).length();
        return run + "-" + String.format(java.util.Locale.ROOT, "%0" + width + "d", index);
    }

    /** Returns the swept parameters, in axis order. */
    public List<String> parameters() {
        return axes.stream().map(SweepAxis::parameter).toList();
    }

    /** Returns the parameter along the heatmap's columns: the first swept one. */
    public String xParameter() {
        return axes.getFirst().parameter();
    }

    /** Returns the parameter along the heatmap's rows: the second swept one, or the first when there is one. */
    public String yParameter() {
        return axes.get(axes.size() > 1 ? 1 : 0).parameter();
    }

    /** Returns the chosen variant, or null when no variant has a value of the metric. */
    public SweepVariant bestVariant() {
        return best < 0 ? null : variants.get(best);
    }

    /**
     * Returns the figure {@code name} of {@link #FIGURES}, as a risk limit reads it:
     * {@code probabilisticSharpe}, {@code deflatedSharpe}, {@code sharpe} (per period),
     * {@code trials}, {@code trialSharpeVariance}, {@code expectedMaximumSharpe} from the
     * selection; {@code pbo}, {@code probabilityOfLoss}, {@code degradationSlope} from its
     * overfitting; {@code dropToMean}, {@code dropToWorst}, {@code relativeDrop} from its
     * stability, and {@code onEdge}, 1 when the chosen cell is on the grid's edge, else 0.
     *
     * @throws IllegalArgumentException when {@code name} is not one of {@link #FIGURES}
     */
    public double figure(String name) {
        ToDoubleFunction<SweepSelection> read = switch (name) {
            case "probabilisticSharpe" -> SweepSelection::probabilisticSharpe;
            case "deflatedSharpe" -> SweepSelection::deflatedSharpe;
            case "pbo" -> s -> s.overfitting().probability();
            case "probabilityOfLoss" -> s -> s.overfitting().probabilityOfLoss();
            case "degradationSlope" -> s -> s.overfitting().degradationSlope();
            case "trials" -> SweepSelection::trials;
            case "trialSharpeVariance" -> SweepSelection::trialSharpeVariance;
            case "expectedMaximumSharpe" -> SweepSelection::expectedMaximumSharpe;
            case "sharpe" -> SweepSelection::sharpe;
            case "dropToMean" -> s -> s.stability().dropToMean();
            case "dropToWorst" -> s -> s.stability().dropToWorst();
            case "relativeDrop" -> s -> s.stability().relativeDrop();
            case "onEdge" -> s -> s.stability().onEdge() ? 1 : 0;
            default -> throw new IllegalArgumentException("unknown sweep figure \"" + name + "\"; known: " + FIGURES);
        };
        return read.applyAsDouble(selection);
    }
}

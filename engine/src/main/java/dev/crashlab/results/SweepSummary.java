package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A sweep of a run's parameters as the run's {@code results.json} carries it
 * ({@link RunResults#sweep()}): the grid, the chosen variant with its parameters and metrics, and
 * every statistic of its selection ({@link SweepSelection}: PSR, deflated Sharpe, PBO, parameter
 * stability). Every variant's parameters and metrics stay in the sweep document this names.
 *
 * @param document    the sweep document, relative to the output folder ({@code sweep-<run>/sweep.json})
 * @param generatedAt when the sweep document was written
 * @param name        the sweep's name
 * @param metric      the metric that ranked the variants
 * @param axes        the swept parameters and their values
 * @param variants    the number of variants
 * @param best        the index of the chosen variant, −1 when no variant has a value of the metric
 * @param parameters  the chosen variant's values of the swept parameters, null when {@code best} is −1
 * @param metrics     the chosen variant's metrics, null when {@code best} is −1
 * @param selection   the selection statistics of the chosen variant
 */
public record SweepSummary(String document, Instant generatedAt, String name, String metric, List<SweepAxis> axes,
        int variants, int best, @JsonSetter(nulls = Nulls.SET) Map<String, JsonNode> parameters,
        @JsonSetter(nulls = Nulls.SET) RunMetrics metrics, SweepSelection selection) {

    public SweepSummary {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(metric, "metric");
        axes = List.copyOf(axes);
        parameters = parameters == null ? null : Fields.ordered(parameters);
    }

    /** Returns the summary of {@code sweep}, written as {@code document} (relative to the output folder). */
    public static SweepSummary of(SweepResults sweep, String document) {
        SweepVariant chosen = sweep.best() < 0 ? null : sweep.variants().get(sweep.best());
        return new SweepSummary(document, sweep.generatedAt(), sweep.name(), sweep.metric(), sweep.axes(),
                sweep.variants().size(), sweep.best(), chosen == null ? null : chosen.parameters(),
                chosen == null ? null : chosen.metrics(), sweep.selection());
    }
}

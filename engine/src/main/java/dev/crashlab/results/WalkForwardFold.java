package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One fold of a walk-forward: the sweep of its in-sample window chose a variant, which then
 * traded its out-of-sample segment. Dates are inclusive UTC days.
 *
 * @param index           the fold's number, from 0
 * @param inSampleFrom    the in-sample window's first day
 * @param inSampleTo      its last day
 * @param outOfSampleFrom the out-of-sample segment's first day
 * @param outOfSampleTo   its last day
 * @param variant         the chosen variant's index in the grid; −1 when no variant had a value
 *                        of the metric in sample and the run's own parameters traded the segment
 * @param parameters      the chosen values of the swept parameters
 * @param inSample        the chosen variant's metrics over the in-sample window
 * @param outOfSample     its metrics over the segment, as a run of its own that starts flat at the
 *                        step before the segment's first day
 * @param efficiency      the segment's CAGR / the window's CAGR (Pardo's walk-forward efficiency
 *                        of the fold); NaN when the window's CAGR is not positive
 * @param regimes         the segment's periods credited to each regime label (a period to the
 *                        label of the step it starts at), in the classifier's label order; null
 *                        when the run has no regime classifier
 * @param crisisPeriods   the segment's periods credited to a crisis label (see
 *                        {@link WalkForwardResults#crisisLabels()})
 */
public record WalkForwardFold(int index, LocalDate inSampleFrom, LocalDate inSampleTo, LocalDate outOfSampleFrom,
        LocalDate outOfSampleTo, int variant, Map<String, JsonNode> parameters, RunMetrics inSample,
        RunMetrics outOfSample, double efficiency, @JsonSetter(nulls = Nulls.SET) Map<String, Integer> regimes,
        int crisisPeriods) {

    public WalkForwardFold {
        Objects.requireNonNull(inSampleFrom, "inSampleFrom");
        Objects.requireNonNull(inSampleTo, "inSampleTo");
        Objects.requireNonNull(outOfSampleFrom, "outOfSampleFrom");
        Objects.requireNonNull(outOfSampleTo, "outOfSampleTo");
        Objects.requireNonNull(inSample, "inSample");
        Objects.requireNonNull(outOfSample, "outOfSample");
        parameters = Fields.ordered(parameters);
        regimes = regimes == null ? null : Fields.ordered(regimes);
        if (inSampleTo.isBefore(inSampleFrom)) {
            throw new ResultsException("inSampleTo", inSampleTo + " is before inSampleFrom " + inSampleFrom);
        }
        if (!inSampleTo.isBefore(outOfSampleFrom)) {
            throw new ResultsException("outOfSampleFrom", outOfSampleFrom + " does not follow the in-sample window, which ends "
                    + inSampleTo);
        }
        if (outOfSampleTo.isBefore(outOfSampleFrom)) {
            throw new ResultsException("outOfSampleTo", outOfSampleTo + " is before outOfSampleFrom " + outOfSampleFrom);
        }
        if (crisisPeriods < 0) {
            throw new ResultsException("crisisPeriods", "expected a count >= 0, got " + crisisPeriods);
        }
    }

    /** Returns whether the segment holds a period of a crisis regime. */
    public boolean crisis() {
        return crisisPeriods > 0;
    }
}

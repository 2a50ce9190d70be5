package dev.crashlab.results;

import java.util.List;

/**
 * The regime labels of a run and how it did in each.
 *
 * @param labels  the classifier's labels
 * @param steps   the label index of each step
 * @param windows named crisis windows to mark
 * @param metrics the run's performance in each regime, in label order; a period (close t−1 to
 *                close t) is credited to the label of step t−1
 */
public record RegimeResults(List<String> labels, List<Integer> steps, List<RegimeWindow> windows,
        List<RegimeMetrics> metrics) {

    public RegimeResults {
        labels = List.copyOf(labels);
        steps = List.copyOf(steps);
        windows = List.copyOf(windows);
        metrics = List.copyOf(metrics);
        for (int s = 0; s < steps.size(); s++) {
            int label = steps.get(s);
            if (label < 0 || label >= labels.size()) {
                throw new ResultsException("steps[" + s + "]", "label index " + label + " outside 0.." + (labels.size() - 1));
            }
        }
    }
}

package dev.crashlab.metrics;

/**
 * How a run did during the periods that followed the steps labelled with one regime: the number
 * of those periods, their compounded return, the deepest drawdown of that compounded index, and
 * the share of them spent invested.
 *
 * <p>A classifier labels a step after its bars close, so the label of step t−1 is what a strategy
 * could have acted on for the period from step t−1's close to step t's close. That period's return
 * r<sub>t</sub> (t = 1..N−1, as in {@link PerformanceMetrics#periodReturns}) therefore counts for
 * the label of step t−1, never for the label of step t: a crash day's own fall counts for the
 * regime known the evening before it, not for the CRASH label that the fall itself produces. The
 * last step's label credits no period.
 *
 * @param label        the regime's label
 * @param steps        the number of periods credited to the regime: the steps labelled with it,
 *                     the last step excepted
 * @param totalReturn  Π(1 + r<sub>t</sub>) − 1 over the periods whose previous step carries the label
 * @param maxDrawdown  the deepest drawdown of the index compounded over those periods only
 * @param timeInMarket the share of those periods that began with a position, that is whose
 *                     previous step ended with one
 */
public record RegimeStats(String label, int steps, double totalReturn, double maxDrawdown, double timeInMarket) {

    /**
     * Returns the statistics of each label. {@code regimeOfStep[t]} is the label index of step t,
     * {@code invested[t]} whether step t ended with a position; the period return r<sub>t</sub>
     * ({@code periodReturns[t − 1]}, t from 1) counts for the label of step t − 1, as does
     * {@code invested[t − 1]}. A label that credits no period has NaN figures.
     */
    public static java.util.List<RegimeStats> of(java.util.List<String> labels, int[] regimeOfStep, double[] periodReturns,
            boolean[] invested) {
        int k = labels.size();
        int[] steps = new int[k];
        int[] investedSteps = new int[k];
        double[] growth = new double[k];
        double[] peak = new double[k];
        double[] worst = new double[k];
        java.util.Arrays.fill(growth, 1);
        java.util.Arrays.fill(peak, 1);
        for (int t = 1; t < regimeOfStep.length; t++) {
            int label = regimeOfStep[t - 1];
            steps[label]++;
            if (invested[t - 1]) {
                investedSteps[label]++;
            }
            growth[label] *= 1 + periodReturns[t - 1];
            peak[label] = Math.max(peak[label], growth[label]);
            worst[label] = Math.min(worst[label], growth[label] / peak[label] - 1);
        }
        java.util.List<RegimeStats> out = new java.util.ArrayList<>();
        for (int l = 0; l < k; l++) {
            out.add(new RegimeStats(labels.get(l), steps[l], steps[l] == 0 ? Double.NaN : growth[l] - 1,
                    steps[l] == 0 ? Double.NaN : worst[l], steps[l] == 0 ? Double.NaN : (double) investedSteps[l] / steps[l]));
        }
        return java.util.List.copyOf(out);
    }
}

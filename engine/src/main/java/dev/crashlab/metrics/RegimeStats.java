package dev.crashlab.metrics;

/**
 * How a run did while one regime lasted: its steps, the compounded period returns of those
 * steps, the deepest drawdown of that compounded index, and the share of those steps spent
 * invested.
 *
 * @param label        the regime's label
 * @param steps        the number of steps labelled with it
 * @param totalReturn  Π(1 + r<sub>t</sub>) − 1 over the regime's steps
 * @param maxDrawdown  the deepest drawdown of the index compounded over the regime's steps only
 * @param timeInMarket the share of the regime's steps that ended with a position
 */
public record RegimeStats(String label, int steps, double totalReturn, double maxDrawdown, double timeInMarket) {

    /**
     * Returns the statistics of each label. {@code regimeOfStep[t]} is the label index of step
     * t; the period return r<sub>t</sub> (t from 1, as in {@link PerformanceMetrics#periodReturns})
     * counts for the label of step t.
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
        for (int t = 0; t < regimeOfStep.length; t++) {
            int label = regimeOfStep[t];
            steps[label]++;
            if (invested[t]) {
                investedSteps[label]++;
            }
            if (t >= 1) {
                growth[label] *= 1 + periodReturns[t - 1];
                peak[label] = Math.max(peak[label], growth[label]);
                worst[label] = Math.min(worst[label], growth[label] / peak[label] - 1);
            }
        }
        java.util.List<RegimeStats> out = new java.util.ArrayList<>();
        for (int l = 0; l < k; l++) {
            out.add(new RegimeStats(labels.get(l), steps[l], steps[l] == 0 ? Double.NaN : growth[l] - 1,
                    steps[l] == 0 ? Double.NaN : worst[l], steps[l] == 0 ? Double.NaN : (double) investedSteps[l] / steps[l]));
        }
        return java.util.List.copyOf(out);
    }
}

package dev.crashlab.results;

import dev.crashlab.metrics.PerformanceMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An equity curve of a walk-forward, stitched from its out-of-sample segments: the account that
 * earns, over each period, the period return of the segment that traded it, while the run's
 * external flows arrive on their schedule.
 *
 * <h2>Stitching</h2>
 * Given the steps' times t<sub>0</sub>..t<sub>n</sub>, the cumulative flows C<sub>0</sub>..C<sub>n</sub>
 * (C<sub>0</sub> the flow at the first step), the initial cash and the period returns
 * r<sub>1</sub>..r<sub>n</sub>: E<sub>0</sub> = initialCash + C<sub>0</sub> and
 * E<sub>t</sub> = (E<sub>t−1</sub> + C<sub>t</sub> − C<sub>t−1</sub>)(1 + r<sub>t</sub>), the inverse
 * of the time-weighted period return r<sub>t</sub> = E<sub>t</sub> / (E<sub>t−1</sub> + F<sub>t</sub>) − 1
 * that every run's metrics use; so the curve's time-weighted returns are the segments' own, and
 * its {@link CurveMetrics} are computed from it as a run's metrics are.
 *
 * @param name    what the curve is, such as {@code out of sample (walk-forward)}
 * @param points  the account at each step
 * @param metrics its figures
 */
public record WalkForwardCurve(String name, List<CurvePoint> points, CurveMetrics metrics) {

    public WalkForwardCurve {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metrics, "metrics");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new ResultsException("points", "no steps");
        }
        for (int s = 1; s < points.size(); s++) {
            if (!points.get(s).time().isAfter(points.get(s - 1).time())) {
                throw new ResultsException("points[" + s + "].time", "times must increase, but " + points.get(s).time()
                        + " follows " + points.get(s - 1).time());
            }
        }
    }

    /**
     * The costs summed over the runs a curve is stitched from.
     *
     * @param feesPaid     fees
     * @param fundingPaid  carry
     * @param liquidations liquidations
     */
    public record Costs(double feesPaid, double fundingPaid, int liquidations) {
    }

    /**
     * Returns the curve of an account that starts at {@code times[0]} with {@code initialCash}
     * and earns {@code returns[t − 1]} over period t (from step t − 1's close to step t's), the
     * flows {@code contributed} (cumulative per step) arriving as they do in a run.
     *
     * @param periodsPerYear P, to annualise
     * @param riskFreeRate   rf of the Sharpe ratio, annual
     * @throws IllegalArgumentException when the arrays do not fit together
     */
    public static WalkForwardCurve stitch(String name, long[] times, double initialCash, double[] contributed,
            double[] returns, double periodsPerYear, double riskFreeRate, Costs costs) {
        int n = times.length;
        if (n == 0 || contributed.length != n || returns.length != n - 1) {
            throw new IllegalArgumentException(n + " steps need as many cumulative flows (got " + contributed.length
                    + ") and one return fewer (got " + returns.length + ")");
        }
        double[] equity = new double[n];
        equity[0] = initialCash + contributed[0];
        for (int t = 1; t < n; t++) {
            equity[t] = (equity[t - 1] + contributed[t] - contributed[t - 1]) * (1 + returns[t - 1]);
        }
        var metrics = PerformanceMetrics.compute(new PerformanceMetrics.Input(s -> times[s], equity, contributed, initialCash,
                periodsPerYear, riskFreeRate, 0, 0, costs.feesPaid(), costs.fundingPaid(), costs.liquidations(), List.of(),
                null, null));
        List<CurvePoint> points = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            points.add(new CurvePoint(Instant.ofEpochMilli(times[t]), Figures.figure(equity[t]), Figures.figure(contributed[t])));
        }
        return new WalkForwardCurve(name, points, CurveMetrics.of(metrics));
    }

    /** Returns the equity at each step. */
    public double[] equityValues() {
        return points.stream().mapToDouble(CurvePoint::equity).toArray();
    }
}

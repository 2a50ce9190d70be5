package dev.crashlab.metrics.resampling;

/**
 * Rules for the mean block length of the {@link StationaryBootstrap}: long enough to keep a
 * series' dependence inside blocks, short enough to leave many distinct paths.
 *
 * <h2>Politis–White</h2>
 * {@link #politisWhite} is the automatic, data-driven choice of Politis and White (2004,
 * "Automatic Block-Length Selection for the Dependent Bootstrap", Econometric Reviews 23(1))
 * with the correction of Patton, Politis and White (2009, Econometric Reviews 28(4)), which
 * estimates the block length minimising the mean squared error of the bootstrap variance of the
 * mean. With the n values x<sub>t</sub> demeaned, R̂(k) = (1/n) Σ<sub>t=1..n−k</sub>
 * x<sub>t</sub> x<sub>t+k</sub> and ρ̂(k) = R̂(k) / R̂(0):
 *
 * <ol>
 *   <li>K<sub>n</sub> = max(5, ⌈√log₁₀ n⌉), m<sub>max</sub> = ⌈√n⌉ + K<sub>n</sub>, the band
 *       c = 2 √(log₁₀ n / n).</li>
 *   <li>m̂ = the smallest m &gt;= 1 with |ρ̂(m)|, …, |ρ̂(m + K<sub>n</sub> − 1)| all below c (the
 *       first lag from which K<sub>n</sub> autocorrelations in a row look negligible, as in
 *       Patton's reference code and the arch package); m<sub>max</sub> when there is none.
 *       M = min(2 m̂, m<sub>max</sub>).</li>
 *   <li>With the flat-top window λ(t) = 1 for |t| &lt;= 1/2, 2(1 − |t|) for 1/2 &lt; |t| &lt;= 1:
 *       Ĝ = Σ<sub>|k|&lt;=M</sub> λ(k/M) |k| R̂(k), ĝ = Σ<sub>|k|&lt;=M</sub> λ(k/M) R̂(k),
 *       D̂<sub>SB</sub> = 2 ĝ².</li>
 *   <li>b = (2 Ĝ² / D̂<sub>SB</sub>)<sup>1/3</sup> n<sup>1/3</sup>, at most
 *       ⌈min(3 √n, n / 3)⌉ and at least 1 (a block of one day, the IID bootstrap, for a series
 *       without dependence).</li>
 * </ol>
 *
 * Autocovariances beyond lag n − 1 count as 0. On the AR(1) series of the arch package's own
 * test this gives 13.6357, as arch does.
 *
 * <h2>Which series</h2>
 * Estimate it on the returns whose dependence matters: a strategy's, or each instrument's.
 * {@link #automatic(double[]...)} takes the longest of the series' block lengths, so that the one
 * joint path keeps the most persistent series' dependence.
 */
public final class BlockLength {

    private BlockLength() {
    }

    /**
     * Returns the Politis–White–Patton mean block length of {@code series} for the stationary
     * bootstrap, in days; NaN for fewer than 3 values or values that do not vary.
     */
    public static double politisWhite(double[] series) {
        int n = series.length;
        if (n < 3) {
            return Double.NaN;
        }
        double mean = 0;
        for (double x : series) {
            mean += x;
        }
        mean /= n;
        double[] eps = new double[n];
        for (int t = 0; t < n; t++) {
            eps[t] = series[t] - mean;
        }
        int kn = Math.max(5, (int) Math.ceil(Math.sqrt(Math.log10(n))));
        int mMax = (int) Math.ceil(Math.sqrt(n)) + kn;
        double[] r = new double[mMax + kn];
        for (int k = 0; k < r.length && k < n; k++) {
            double sum = 0;
            for (int t = 0; t + k < n; t++) {
                sum += eps[t] * eps[t + k];
            }
            r[k] = sum / n;
        }
        if (!(r[0] > 0)) {
            return Double.NaN;
        }
        double band = 2 * Math.sqrt(Math.log10(n) / n);
        int mHat = -1;
        for (int m = 1; m + kn - 1 <= mMax && mHat < 0; m++) {
            boolean negligible = true;
            for (int j = 0; j < kn && negligible; j++) {
                negligible = Math.abs(r[m + j] / r[0]) < band;
            }
            mHat = negligible ? m : -1;
        }
        int lags = mHat < 0 ? mMax : Math.min(2 * mHat, mMax);
        double g = 0;
        double longRun = r[0];
        for (int k = 1; k <= lags; k++) {
            double t = (double) k / lags;
            double window = t <= 0.5 ? 1 : 2 * (1 - t);
            g += 2 * window * k * r[k];
            longRun += 2 * window * r[k];
        }
        double dSb = 2 * longRun * longRun;
        double b = Math.cbrt(2 * g * g / dSb) * Math.cbrt(n);
        double bMax = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3.0));
        return Math.max(1, Math.min(b, bMax));
    }

    /**
     * Returns n<sup>1/3</sup>, at least 1: the rate at which the optimal block length grows with
     * the sample (Politis and White 2004), without its data-dependent constant. The fallback of
     * {@link #automatic} when Politis–White is undefined.
     */
    public static double cubeRoot(int sampleLength) {
        return Math.max(1, Math.cbrt(sampleLength));
    }

    /**
     * Returns the default mean block length for jointly resampling {@code series} (each a series
     * over the same days): the longest {@link #politisWhite} block length of them, or
     * {@link #cubeRoot} of their length when no series gives one (too short or constant).
     *
     * @throws IllegalArgumentException when no series is given or their lengths differ
     */
    public static double automatic(double[]... series) {
        if (series.length == 0) {
            throw new IllegalArgumentException("expected at least one series, got none");
        }
        double longest = Double.NaN;
        for (int i = 0; i < series.length; i++) {
            if (series[i].length != series[0].length) {
                throw new IllegalArgumentException("series " + i + " has " + series[i].length + " days but series 0 has "
                        + series[0].length);
            }
            double b = politisWhite(series[i]);
            longest = Double.isNaN(longest) || b > longest ? b : longest;
        }
        return Double.isNaN(longest) ? cubeRoot(series[0].length) : longest;
    }
}

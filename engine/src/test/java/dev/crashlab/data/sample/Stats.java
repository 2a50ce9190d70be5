package dev.crashlab.data.sample;

/** Textbook sample statistics for the stylised-fact tests, written out so they can be checked by eye. */
final class Stats {

    private Stats() {
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** Returns the central moment of order {@code k}, dividing by n. */
    static double centralMoment(double[] x, int k) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += Math.pow(v - m, k);
        }
        return sum / x.length;
    }

    /** Returns m4 / m2^2 - 3: 0 for a normal distribution. */
    static double excessKurtosis(double[] x) {
        double m2 = centralMoment(x, 2);
        return centralMoment(x, 4) / (m2 * m2) - 3;
    }

    /** Returns the sample autocorrelation at {@code lag}: the lagged covariance over the variance, both divided by n. */
    static double autocorrelation(double[] x, int lag) {
        double m = mean(x);
        double covariance = 0;
        for (int i = lag; i < x.length; i++) {
            covariance += (x[i] - m) * (x[i - lag] - m);
        }
        return covariance / x.length / centralMoment(x, 2);
    }

    /** Returns Pearson's correlation of two equally long samples. */
    static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}

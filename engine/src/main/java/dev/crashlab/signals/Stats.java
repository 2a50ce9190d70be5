package dev.crashlab.signals;

import java.util.Arrays;

/** The few statistics the signals need, each over a whole array. */
final class Stats {

    private Stats() {
    }

    /** Returns the arithmetic mean, NaN for no values. */
    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return x.length == 0 ? Double.NaN : sum / x.length;
    }

    /** Returns the sample standard deviation (divided by n − 1), NaN for fewer than two values. */
    static double sampleStdev(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double mean = mean(x);
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (x.length - 1));
    }

    /** Returns the median: the middle value, or the mean of the two middle ones; NaN for no values. */
    static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

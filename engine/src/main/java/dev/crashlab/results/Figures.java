package dev.crashlab.results;

import java.util.List;

/**
 * Figures as results.json holds them: a number is finite or NaN (undefined: {@code null} in the
 * file; an infinity becomes NaN too), and zero is never negative, so that records made in
 * process equal the records read back from their file.
 */
public final class Figures {

    private Figures() {
    }

    /** Returns a figure as results.json holds it: NaN for any undefined value (infinities included), 0 for -0. */
    public static double figure(double value) {
        return Double.isFinite(value) ? value + 0.0 : Double.NaN;
    }

    /** Returns {@code values} as a list of {@link #figure figures}. */
    public static List<Double> figures(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = figure(values[i]);
        }
        return List.of(out);
    }

    /** Returns {@code values} as an array, for loops over a series. */
    public static double[] array(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}

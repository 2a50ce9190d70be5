package dev.crashlab.data;

/**
 * The rules every bar obeys, in one place: finite positive prices, high at least low, open and
 * close inside [low, high], finite non-negative volume. Loaders and builders report the first
 * violation with their own location.
 */
public final class BarRules {

    /**
     * The field that broke a rule and how.
     *
     * @param field   the canonical field name: open, high, low, close or volume
     * @param problem what is wrong, with the value
     */
    public record Violation(String field, String problem) {
    }

    private BarRules() {
    }

    /** Returns the first rule {@code (o, h, l, c, v)} breaks, or {@code null} when it obeys them all. */
    public static Violation check(double o, double h, double l, double c, double v) {
        Violation price = firstBadPrice(o, h, l, c);
        if (price != null) {
            return price;
        }
        if (h < l) {
            return new Violation("high", "high " + num(h) + " is below low " + num(l));
        }
        if (o < l || o > h) {
            return new Violation("open", "open " + num(o) + " is outside [low, high] = [" + num(l) + ", " + num(h) + "]");
        }
        if (c < l || c > h) {
            return new Violation("close", "close " + num(c) + " is outside [low, high] = [" + num(l) + ", " + num(h) + "]");
        }
        if (!Double.isFinite(v)) {
            return new Violation("volume", "expected a finite number, got " + num(v));
        }
        if (v < 0) {
            return new Violation("volume", "expected a non-negative volume, got " + num(v));
        }
        return null;
    }

    private static Violation firstBadPrice(double o, double h, double l, double c) {
        // Every loaded bar passes here: the common case must not build the arrays below (48 B a bar).
        if (positive(o) && positive(h) && positive(l) && positive(c)) {
            return null;
        }
        String[] names = {"open", "high", "low", "close"};
        double[] values = {o, h, l, c};
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return new Violation(names[i], "expected a finite number, got " + num(values[i]));
            }
            if (values[i] <= 0) {
                return new Violation(names[i], "expected a positive price, got " + num(values[i]));
            }
        }
        return null;
    }

    /** Returns whether {@code value} is finite and above zero (false for NaN). */
    private static boolean positive(double value) {
        return value > 0 && value < Double.POSITIVE_INFINITY;
    }

    private static String num(double value) {
        return number(value);
    }

    /**
     * Returns {@code value} as the shortest text that reads back to it: whole numbers without a
     * fraction ({@code 12}, not {@code 12.0}), others as {@link Double#toString}. Messages and
     * written files use it alike.
     */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}

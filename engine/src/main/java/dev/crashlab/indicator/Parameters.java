package dev.crashlab.indicator;

/**
 * Parameter checks shared by the indicators' constructors; a failure names the indicator, the
 * parameter and the value it got.
 */
final class Parameters {

    private Parameters() {
    }

    /** Returns {@code value} if it is at least {@code min}, or throws naming indicator and parameter. */
    static int atLeast(String indicator, String parameter, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(indicator + " " + parameter + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is finite and positive, or throws naming indicator and parameter. */
    static double positive(String indicator, String parameter, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(indicator + " " + parameter + " must be finite and positive, got " + value);
        }
        return value;
    }
}

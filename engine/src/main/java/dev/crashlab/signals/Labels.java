package dev.crashlab.signals;

import java.math.BigDecimal;

/** Formats the parameters in signal names and checks them when a signal is made. */
final class Labels {

    private Labels() {
    }

    /** Returns {@code value} as written in a name: {@code 0.05}, {@code 10}, {@code -0.01}. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Returns {@code value} if it is at least {@code min}, or throws naming the parameter. */
    static int atLeast(String parameter, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(parameter + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is finite, or throws naming the parameter. */
    static double finite(String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(parameter + " must be a finite number, got " + value);
        }
        return value;
    }
}

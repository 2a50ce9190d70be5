package dev.crashlab.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/** Agreement is the test's check that crashlab's values equal an oracle's within a named tolerance. */
final class Agreement {

    /** Largest difference from ta4j, relative to {@code max(1, |ta4j|)}. */
    static final double TA4J_AGREEMENT = 1e-9;

    private Agreement() {
    }

    /**
     * Asserts that {@code actual} (one value per bar) is NaN before {@code firstValueBar} and agrees
     * with {@code ta4j} from there on.
     */
    static void assertAgreesWithTa4j(double[] actual, Indicator<Num> ta4j, int firstValueBar) {
        double[] expected = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            expected[i] = ta4j.getValue(i).doubleValue();
        }
        assertAgrees(actual, expected, firstValueBar, TA4J_AGREEMENT);
    }

    /**
     * Asserts that {@code actual} is NaN before {@code firstValueBar} and from there on within
     * {@code relativeTolerance * max(1, |expected|)} of {@code expected}, which must be defined.
     */
    static void assertAgrees(double[] actual, double[] expected, int firstValueBar, double relativeTolerance) {
        for (int i = 0; i < Math.min(firstValueBar, actual.length); i++) {
            assertThat(actual[i]).as("bar %d is in the warm-up", i).isNaN();
        }
        for (int i = firstValueBar; i < actual.length; i++) {
            assertThat(expected[i]).as("oracle at bar %d", i).isFinite();
            assertThat(Math.abs(actual[i] - expected[i]))
                    .as("bar %d: %s vs oracle %s", i, actual[i], expected[i])
                    .isLessThanOrEqualTo(relativeTolerance * Math.max(1, Math.abs(expected[i])));
        }
    }
}

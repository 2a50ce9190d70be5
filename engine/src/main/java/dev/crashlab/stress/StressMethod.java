package dev.crashlab.stress;

import java.util.Arrays;
import java.util.Locale;

/** A way of making stress paths from a run's history. */
public enum StressMethod {

    /**
     * The stationary block bootstrap (Politis and Romano 1994) of the joint daily data: every
     * instrument and published series on the same source days, in blocks of geometric length.
     */
    BOOTSTRAP("bootstrap"),

    /** Crisis replay: the original history with every crisis window spliced in at a random date. */
    CRISIS_REPLAY("crisis-replay");

    private final String label;

    StressMethod(String label) {
        this.label = label;
    }

    /** Returns the name configs and results use: {@code bootstrap}, {@code crisis-replay}. */
    public String label() {
        return label;
    }

    /**
     * Returns the method called {@code label}.
     *
     * @throws IllegalArgumentException naming the known methods when there is none
     */
    public static StressMethod of(String label) {
        for (StressMethod m : values()) {
            if (m.label.equals(label.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("expected one of " + String.join(", ", Arrays.stream(values())
                .map(StressMethod::label).toList()) + ", got \"" + label + "\"");
    }

    @Override
    public String toString() {
        return label;
    }
}

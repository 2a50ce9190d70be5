package dev.crashlab.signals;

import java.util.function.Supplier;

/**
 * Collects why a signal's computation found no value. The computation is written once and asked
 * twice: with no {@code Why} for the value, where no message is built, and with one for
 * {@link DataSignal#unavailable}. The first reason noted wins: later ones are its consequences.
 */
final class Why {

    private String reason;

    /** Notes {@code reason} when {@code why} collects reasons and has none yet. */
    static void note(Why why, Supplier<String> reason) {
        if (why != null && why.reason == null) {
            why.reason = reason.get();
        }
    }

    /** Notes {@code reason} as {@link #note} does and returns NaN, the value that goes with it. */
    static double nan(Why why, Supplier<String> reason) {
        note(why, reason);
        return Double.NaN;
    }

    /** Returns a collector when {@code outer} collects reasons, else null, for a computation nested in another. */
    static Why inner(Why outer) {
        return outer == null ? null : new Why();
    }

    /** Returns the reason noted, or null. */
    String reason() {
        return reason;
    }
}

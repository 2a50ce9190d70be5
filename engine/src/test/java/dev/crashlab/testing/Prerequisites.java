package dev.crashlab.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when something it needs from outside the repository is missing (the shared
 * market data, a browser): CI ({@code CI=true}) must have it, so the test fails there; elsewhere it
 * is skipped, with the reason printed so that a green local build does not hide it.
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    /**
     * Fails the calling test in CI with {@code reason} and {@code whyCiNeedsIt}; elsewhere prints
     * {@code reason} and aborts the test. Never returns normally.
     */
    public static void missing(String reason, String whyCiNeedsIt) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + ": " + whyCiNeedsIt);
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }
}

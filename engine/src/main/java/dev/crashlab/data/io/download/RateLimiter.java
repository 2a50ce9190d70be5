package dev.crashlab.data.io.download;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps the starts of requests at least a minimum interval apart, so that a download of many
 * pages stays polite to a public API. Time is read from a {@link Clock} and waited with a
 * {@link Sleeper}, so tests check the spacing without waiting for it.
 */
final class RateLimiter {

    private final Duration minInterval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant next;

    RateLimiter(Duration minInterval, Clock clock, Sleeper sleeper) {
        this.minInterval = Objects.requireNonNull(minInterval, "minInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Waits until a request may start, then counts it as started. */
    synchronized void acquire() throws InterruptedException {
        Instant now = clock.instant();
        if (next != null && now.isBefore(next)) {
            sleeper.sleep(Duration.between(now, next));
            now = clock.instant();
        }
        // A sleeper that returns early (or a test's that does not move the clock) must not let
        // the following request in earlier than planned.
        Instant start = next != null && now.isBefore(next) ? next : now;
        next = start.plus(minInterval);
    }
}

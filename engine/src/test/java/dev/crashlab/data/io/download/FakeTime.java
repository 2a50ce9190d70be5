package dev.crashlab.data.io.download;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that stands still until a test moves it, and a sleeper that records each wait and
 * moves the clock by it instead of waiting: backoff and rate limiting are checked on this time,
 * never on the wall clock.
 */
final class FakeTime extends Clock implements Sleeper {

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    FakeTime(Instant start) {
        this.now = start;
    }

    FakeTime(String start) {
        this(Instant.parse(start));
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    /** Moves the clock forward without counting a sleep. */
    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Returns the waits asked for so far, in order. */
    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}

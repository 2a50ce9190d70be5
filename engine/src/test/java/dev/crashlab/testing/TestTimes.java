package dev.crashlab.testing;

import java.time.Instant;

/** Step times for tests of series statistics: UTC epoch milliseconds, one step a day. */
public final class TestTimes {

    /** The first step of {@link #daily}: 2024-01-01T00:00:00Z. */
    public static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    /** One day in milliseconds. */
    public static final long DAY = 86_400_000L;

    private TestTimes() {
    }

    /** Returns {@code steps} times one day apart at midnight UTC, from 2024-01-01. */
    public static long[] daily(int steps) {
        long[] t = new long[steps];
        for (int i = 0; i < steps; i++) {
            t[i] = START + i * DAY;
        }
        return t;
    }
}

package dev.crashlab.data;

import java.time.Instant;
import java.util.Objects;

/**
 * A bar is one period of an instrument's trading: open, high, low and close prices and the
 * volume traded, stamped with the start of its period in UTC (a daily bar with 00:00 UTC of its
 * trading date).
 *
 * @param time   the start of the bar's period, UTC
 * @param open   the first price of the period
 * @param high   the highest price
 * @param low    the lowest price
 * @param close  the last price
 * @param volume the volume traded, in the file's unit (coins, shares, or turnover)
 */
public record Bar(Instant time, double open, double high, double low, double close, double volume) {

    public Bar {
        Objects.requireNonNull(time, "time");
    }
}

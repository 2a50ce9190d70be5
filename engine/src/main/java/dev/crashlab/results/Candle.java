package dev.crashlab.results;

import java.time.Instant;

/**
 * One bar of an instrument, in its quote currency.
 *
 * @param time  the bar's time stamp, as its data file gives it
 * @param open  the open
 * @param high  the high
 * @param low   the low
 * @param close the close
 */
public record Candle(Instant time, double open, double high, double low, double close) {
}

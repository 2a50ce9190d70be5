package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The account at one step's close.
 *
 * @param time          the step's time
 * @param equity        equity at the close
 * @param cash          cash at the close
 * @param contributions the external flows up to and including the step
 * @param longExposure  the value of long positions at the close ({@code long} in the file)
 * @param shortExposure the value of short positions at the close, positive ({@code short} in the file)
 */
public record EquityPoint(Instant time, double equity, double cash, double contributions,
        @JsonProperty("long") double longExposure, @JsonProperty("short") double shortExposure) {
}

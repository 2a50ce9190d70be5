package dev.crashlab.results;

import java.time.Instant;
import java.util.Objects;

/**
 * A point of an equity curve that no single run made.
 *
 * @param time          the step's time
 * @param equity        the equity at the step's close
 * @param contributions the external flows up to and including the step, cumulative
 */
public record CurvePoint(Instant time, double equity, double contributions) {

    public CurvePoint {
        Objects.requireNonNull(time, "time");
    }
}

package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;

/**
 * How the benchmark did over a crisis window: the figures of {@link CrisisMetrics} that belong to
 * an index, over the same periods.
 *
 * @param totalReturn   its time-weighted return over the window ({@code return} in the file)
 * @param maxDrawdown   the deepest drawdown of its index over the window
 * @param daysToRecover calendar days from the window's last close until it was back at its level
 *                      at the window's start; NaN when not by the run's end
 * @param recovery      the close at which it was back, or {@code null}
 * @param tail          the tail and pain figures of its returns over the window
 */
public record CrisisBenchmark(@JsonProperty("return") double totalReturn, double maxDrawdown, double daysToRecover,
        @JsonSetter(nulls = Nulls.SET) Instant recovery, TailFigures tail) {
}

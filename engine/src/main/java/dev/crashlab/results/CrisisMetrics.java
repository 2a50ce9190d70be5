package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the crisis scorecard: how a run did over a named crisis window, built in or from the
 * config's {@code crises} ({@code dev.crashlab.metrics.tail.CrisisStats} defines each figure). The
 * window's periods are the returns earned on its days (UTC dates, both included), from the last
 * close before {@code from} to the last close dated {@code to} or before.
 *
 * @param name          the window's name
 * @param from          its first day
 * @param to            its last day, inclusive
 * @param description   what happened (may be empty)
 * @param builtIn       whether it is one of crashlab's built-in windows
 * @param coverage      {@value #FULL}, {@value #PARTIAL} (the run starts or ends within it; the
 *                      figures are over the part it covers) or {@value #NONE} (outside the run's
 *                      period; no figures)
 * @param periods       the number of period returns in the window
 * @param start         the close the window's index starts from, or {@code null} without periods
 * @param end           the window's last close, or {@code null} without periods
 * @param totalReturn   the time-weighted return over the window ({@code return} in the file)
 * @param maxDrawdown   the deepest drawdown of the window's index, &lt;= 0
 * @param daysToRecover calendar days from {@code end} until the index is back at its level at
 *                      {@code start}; 0 when it ended there or above; NaN when not back by the run's end
 * @param recovery      the close at which it was back, or {@code null}
 * @param tail          the tail and pain figures of the window's returns
 * @param liquidations  liquidations within the window
 * @param fundingPaid   carry charged within the window (borrow, funding, interest)
 * @param heldBack      orders held back by a filter within the window ({@code held_back} events)
 * @param benchmark     how the benchmark did over the same periods, or {@code null} without one
 */
public record CrisisMetrics(String name, LocalDate from, LocalDate to, String description, boolean builtIn, String coverage,
        int periods, @JsonSetter(nulls = Nulls.SET) Instant start, @JsonSetter(nulls = Nulls.SET) Instant end,
        @JsonProperty("return") double totalReturn, double maxDrawdown, double daysToRecover,
        @JsonSetter(nulls = Nulls.SET) Instant recovery, TailFigures tail, int liquidations, double fundingPaid,
        int heldBack, @JsonSetter(nulls = Nulls.SET) CrisisBenchmark benchmark) {

    /** The run covers the whole window. */
    public static final String FULL = "full";
    /** The run starts or ends within the window. */
    public static final String PARTIAL = "partial";
    /** The window is outside the run's period. */
    public static final String NONE = "none";

    public CrisisMetrics {
        if (!List.of(FULL, PARTIAL, NONE).contains(coverage)) {
            throw new ResultsException("coverage", "expected full, partial or none, got \"" + coverage + "\"");
        }
    }

    /** Returns whether the run's period covers any of the window. */
    public boolean covered() {
        return !NONE.equals(coverage);
    }
}

package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;

/**
 * One drawdown episode of a time-weighted index, from the peak it fell from to the first close
 * back at that peak ({@code dev.crashlab.metrics.tail.DrawdownEpisode} defines it). Times are
 * those of the run's steps; days are calendar days on the clock of the periods the index is made
 * of, so for a regime they count only the time spent in it.
 *
 * @param peak           the close it fell from
 * @param trough         the first close at its lowest point
 * @param recovery       the first close back at the peak, or {@code null} when not recovered by the end
 * @param depth          trough / peak − 1, a negative fraction
 * @param daysToTrough   days from the peak to the trough
 * @param daysToRecover  days from the trough to the recovery; NaN when not recovered
 * @param underwaterDays days from the peak to the recovery, or to the end when not recovered
 */
public record DrawdownRow(Instant peak, Instant trough, @JsonSetter(nulls = Nulls.SET) Instant recovery, double depth,
        double daysToTrough, double daysToRecover, double underwaterDays) {

    /** Returns whether the index regained its peak before the end. */
    public boolean recovered() {
        return recovery != null;
    }
}

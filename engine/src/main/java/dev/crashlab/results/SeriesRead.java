package dev.crashlab.results;

import java.util.List;

/**
 * A non-price series the strategy read, from 400 days before the start to the end (the regime
 * classifier's inputs are not listed: they are the regime's, not the strategy's).
 *
 * @param publication its publication rule, such as {@code D+1 00:00 UTC}
 * @param unit        the unit of its values as the data declared it ({@code US$ millions per day}),
 *                    or empty when none was declared
 * @param values      its values in date order
 */
public record SeriesRead(String publication, String unit, List<SeriesPoint> values) {

    public SeriesRead {
        values = List.copyOf(values);
    }
}

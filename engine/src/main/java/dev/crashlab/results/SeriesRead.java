package dev.crashlab.results;

import java.util.List;

/**
 * A non-price series the strategy (or the regime classifier) read, from 400 days before the start
 * to the end.
 *
 * @param publication its publication rule, such as {@code D+1 00:00 UTC}
 * @param values      its values in date order
 */
public record SeriesRead(String publication, List<SeriesPoint> values) {

    public SeriesRead {
        values = List.copyOf(values);
    }
}

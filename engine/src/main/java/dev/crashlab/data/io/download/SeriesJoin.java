package dev.crashlab.data.io.download;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.DataWarning;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import java.util.List;

/**
 * Joins series that were each read and checked by {@link dev.crashlab.data.io.PriceLoader}, such as
 * the pages of a Binance download, into one series with the download's own source and
 * warnings. It checks nothing but order: each part must start after the previous one ends.
 */
final class SeriesJoin {

    private SeriesJoin() {
    }

    /** Returns the bars of {@code parts} in order, described by {@code source}, carrying {@code warnings}. */
    static OhlcvSeries join(Instrument instrument, List<OhlcvSeries> parts, DataSource source,
            List<DataWarning> warnings) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(instrument).source(source);
        long last = Long.MIN_VALUE;
        for (OhlcvSeries part : parts) {
            if (part.size() > 0 && part.timeMillis(0) <= last) {
                throw new DataFileException(part.source().path(), 0, null, "starts at " + part.time(0)
                        + ", not after the previous part's last bar at " + java.time.Instant.ofEpochMilli(last)
                        + ": the pages overlap");
            }
            for (int i = 0; i < part.size(); i++) {
                builder.add(part.time(i), part.open(i), part.high(i), part.low(i), part.close(i), part.volume(i));
            }
            if (part.size() > 0) {
                last = part.timeMillis(part.size() - 1);
            }
        }
        warnings.forEach(builder::warning);
        return builder.build();
    }
}

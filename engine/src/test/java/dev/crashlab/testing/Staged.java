package dev.crashlab.testing;

import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.data.io.SeriesLoader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The staged history of {@code ../shared/data} as a run's data, and the same data cut at a date:
 * skipped (or failed in CI) when the folder is missing, as {@link SharedData} says.
 */
public final class Staged {

    private final List<OhlcvSeries> prices = new ArrayList<>();
    private final List<NonPriceSeries> series = new ArrayList<>();

    /** Adds the price files named by their symbols, such as {@code BTC-USD} for {@code BTC-USD.csv}. */
    public Staged prices(String... symbols) {
        for (String symbol : symbols) {
            prices.add(PriceLoader.load(SharedData.file(symbol + ".csv")));
        }
        return this;
    }

    /** Adds column {@code column} of {@code file} as the series {@code name}, published D+1 00:00 UTC. */
    public Staged series(String name, String file, String column) {
        series.add(SeriesLoader.load(SharedData.file(file), column, name, PublicationRule.NEXT_DAY_UTC));
        return this;
    }

    /** Returns the data. */
    public MarketData data() {
        MarketData.Builder b = MarketData.builder();
        prices.forEach(b::add);
        series.forEach(b::add);
        return b.build();
    }

    /** Returns the data with every bar and value dated after {@code date} removed. */
    public MarketData cutAfter(LocalDate date) {
        MarketData.Builder b = MarketData.builder();
        for (OhlcvSeries p : prices) {
            b.add(p.between(p.time(0), date.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        for (NonPriceSeries s : series) {
            b.add(cut(s, date));
        }
        return b.build();
    }

    /** Returns {@code s} without its values dated after {@code date}. */
    public static NonPriceSeries cut(NonPriceSeries s, LocalDate date) {
        int n = 0;
        while (n < s.size() && !s.date(n).isAfter(date)) {
            n++;
        }
        LocalDate[] dates = new LocalDate[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            dates[i] = s.date(i);
            values[i] = s.value(i);
        }
        return NonPriceSeries.of(s.name(), s.rule(), dates, values);
    }
}

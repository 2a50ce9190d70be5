package dev.crashlab.signals;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;

import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.PublicationRule;
import java.time.LocalDate;

/** Hand-built inputs for signal tests: series written as dated values, bitcoin as a clock. */
final class Hand {

    private Hand() {
    }

    /** Returns a series of values written {@code "2024-01-02 -5"}, published D+1 00:00 UTC. */
    static NonPriceSeries series(String name, String... datedValues) {
        LocalDate[] dates = new LocalDate[datedValues.length];
        double[] values = new double[datedValues.length];
        for (int i = 0; i < datedValues.length; i++) {
            String[] parts = datedValues[i].split(" ");
            dates[i] = LocalDate.parse(parts[0]);
            values[i] = Double.parseDouble(parts[1]);
        }
        return NonPriceSeries.of(name, PublicationRule.NEXT_DAY_UTC, dates, values);
    }

    /** Returns a series of one value a day from {@code first}, published D+1 00:00 UTC. */
    static NonPriceSeries daily(String name, LocalDate first, double... values) {
        LocalDate[] dates = new LocalDate[values.length];
        for (int i = 0; i < values.length; i++) {
            dates[i] = first.plusDays(i);
        }
        return NonPriceSeries.of(name, PublicationRule.NEXT_DAY_UTC, dates, values);
    }

    /** Returns {@code days} flat daily BTC-USD bars from {@code first}: a step every day, whatever the series hold. */
    static OhlcvSeries btcClock(LocalDate first, int days) {
        double[] prices = new double[days];
        java.util.Arrays.fill(prices, 100);
        return closes(crypto("BTC-USD"), first, prices);
    }
}

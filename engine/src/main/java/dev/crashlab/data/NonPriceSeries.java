package dev.crashlab.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A non-price series holds dated values that are not prices, such as daily spot-BTC-ETF net
 * flows, funding rates or stablecoin supply, each with the instant it was published.
 *
 * <p>Values are kept in date order; a value dated D is published at
 * {@code rule.publishedAt(D)}, so publication instants rise with the dates. Dates without a
 * figure (blank cells) are not observations and are not stored. Everything downstream asks
 * "what was published by time t" ({@link #countPublishedBy(long)}); strategies only ever see
 * that prefix.
 */
public final class NonPriceSeries {

    private static final long DAY_MILLIS = 86_400_000L;

    private final String name;
    private final long[] epochDays;
    private final double[] values;
    private final long[] publishedAt;
    private final PublicationRule rule;
    private final DataSource source;
    private final String unit;

    NonPriceSeries(String name, long[] epochDays, double[] values, PublicationRule rule, DataSource source) {
        this(name, epochDays, values, rule, source, "");
    }

    private NonPriceSeries(String name, long[] epochDays, double[] values, PublicationRule rule, DataSource source,
            String unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.name = Objects.requireNonNull(name, "name");
        this.epochDays = epochDays;
        this.values = values;
        this.rule = Objects.requireNonNull(rule, "rule");
        this.source = Objects.requireNonNull(source, "source");
        this.publishedAt = new long[epochDays.length];
        for (int i = 0; i < epochDays.length; i++) {
            publishedAt[i] = rule.publishedAt(LocalDate.ofEpochDay(epochDays[i])).toEpochMilli();
        }
    }

    /**
     * Returns a series built in memory from dated values in strictly increasing date order,
     * for tests and generated data.
     */
    public static NonPriceSeries of(String name, PublicationRule rule, LocalDate[] dates, double[] values) {
        long[] days = new long[dates.length];
        for (int i = 0; i < dates.length; i++) {
            days[i] = dates[i].toEpochDay();
        }
        return of(name, rule, days, values, DataSource.inMemory(name));
    }

    /**
     * Returns a series of {@code values} dated by {@code epochDays} (days since 1970-01-01, strictly
     * increasing), read from {@code source}: what loaders build. The arrays are copied; a value
     * must be finite.
     */
    public static NonPriceSeries of(String name, PublicationRule rule, long[] epochDays, double[] values,
            DataSource source) {
        if (epochDays.length != values.length) {
            throw new IllegalArgumentException(name + ": " + epochDays.length + " dates but " + values.length + " values");
        }
        for (int i = 0; i < epochDays.length; i++) {
            if (i > 0 && epochDays[i] <= epochDays[i - 1]) {
                throw new IllegalArgumentException(name + ": dates must increase, but " + LocalDate.ofEpochDay(epochDays[i])
                        + " follows " + LocalDate.ofEpochDay(epochDays[i - 1]));
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + ": value on " + LocalDate.ofEpochDay(epochDays[i])
                        + " is not finite: " + values[i]);
            }
        }
        return new NonPriceSeries(name, epochDays.clone(), values.clone(), rule, source);
    }

    /** Returns the name this series is known by, such as {@code etf_flows} or {@code etf_flows_btc.total}. */
    public String name() {
        return name;
    }

    /** Returns the number of observations. */
    public int size() {
        return values.length;
    }

    /** Returns the date of observation {@code i}. */
    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(epochDays[i]);
    }

    /** Returns observation {@code i}'s date as 00:00 UTC in epoch milliseconds. */
    public long dateMillis(int i) {
        return epochDays[i] * DAY_MILLIS;
    }

    /** Returns the value of observation {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** Returns when observation {@code i} was published, in UTC epoch milliseconds. */
    public long publishedAtMillis(int i) {
        return publishedAt[i];
    }

    /** Returns when observation {@code i} was published. */
    public Instant publishedAt(int i) {
        return Instant.ofEpochMilli(publishedAt[i]);
    }

    /** Returns how many observations had been published at or before {@code epochMillis}. */
    public int countPublishedBy(long epochMillis) {
        int i = Arrays.binarySearch(publishedAt, epochMillis);
        if (i < 0) {
            return -i - 1;
        }
        while (i + 1 < publishedAt.length && publishedAt[i + 1] == epochMillis) {
            i++;
        }
        return i + 1;
    }

    /** Returns the publication rule. */
    public PublicationRule rule() {
        return rule;
    }

    /** Returns where the series was loaded from. */
    public DataSource source() {
        return source;
    }

    /**
     * Returns the unit of the values as the data declares it, such as {@code US$ millions per day}
     * (reports label the series' axis with it), or empty when none was declared.
     */
    public String unit() {
        return unit;
    }

    /** Returns this series with its values declared to be in {@code unit} (empty for none). */
    public NonPriceSeries withUnit(String unit) {
        return new NonPriceSeries(name, epochDays, values, rule, source, unit);
    }

    @Override
    public String toString() {
        return "NonPriceSeries(" + name + ", " + values.length + " values"
                + (values.length == 0 ? "" : ", " + date(0) + " .. " + date(values.length - 1)) + ", published " + rule + ")";
    }
}

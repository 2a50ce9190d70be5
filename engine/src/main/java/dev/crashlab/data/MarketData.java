package dev.crashlab.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Market data is the universe of a backtest: the price series of several instruments, which
 * may keep different calendars (crypto every day, equities on their exchange's weekdays), and
 * the non-price series published alongside them. Immutable.
 *
 * <p>The instruments share one clock, built by {@link dev.crashlab.clock.MarketClock}: the union
 * of their bar times.
 */
public final class MarketData {

    private final Map<Symbol, OhlcvSeries> prices;
    private final Map<String, NonPriceSeries> series;
    private final Map<Symbol, OhlcvSeries> detail;

    private MarketData(Map<Symbol, OhlcvSeries> prices, Map<String, NonPriceSeries> series,
            Map<Symbol, OhlcvSeries> detail) {
        this.prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
        this.series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        this.detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns market data of the given price series and no non-price series. */
    public static MarketData of(OhlcvSeries... priceSeries) {
        Builder builder = builder();
        for (OhlcvSeries s : priceSeries) {
            builder.add(s);
        }
        return builder.build();
    }

    /** Returns the price series in the order they were added. */
    public List<OhlcvSeries> prices() {
        return List.copyOf(prices.values());
    }

    /** Returns the instruments in the order they were added. */
    public List<Instrument> instruments() {
        return prices.values().stream().map(OhlcvSeries::instrument).toList();
    }

    /** Returns the price series of {@code symbol}, if the universe holds it. */
    public Optional<OhlcvSeries> prices(Symbol symbol) {
        return Optional.ofNullable(prices.get(symbol));
    }

    /** Returns the price series of {@code symbol}, or fails naming the symbols the universe holds. */
    public OhlcvSeries require(Symbol symbol) {
        OhlcvSeries s = prices.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException("unknown symbol \"" + symbol + "\": the data holds " + prices.keySet());
        }
        return s;
    }

    /** Returns the non-price series by name, in the order they were added. */
    public Map<String, NonPriceSeries> series() {
        return series;
    }

    /**
     * Returns the detail bars of {@code symbol}, if any: finer bars of the same market, used only
     * to resolve fills and liquidations inside its (decision) bars, never shown to a strategy.
     */
    public Optional<OhlcvSeries> detail(Symbol symbol) {
        return Optional.ofNullable(detail.get(symbol));
    }

    /** Returns the detail bars by symbol, in the order they were added (empty: none). */
    public Map<Symbol, OhlcvSeries> detail() {
        return detail;
    }

    /** Returns this universe with {@code detailBars} as the detail of their symbol, replacing any it had. */
    public MarketData withDetail(OhlcvSeries detailBars) {
        Map<Symbol, OhlcvSeries> all = new LinkedHashMap<>(detail);
        all.put(detailBars.symbol(), checkedDetail(prices, detailBars));
        return new MarketData(prices, series, all);
    }

    /** Returns this universe without detail bars. */
    public MarketData withoutDetail() {
        return detail.isEmpty() ? this : new MarketData(prices, series, Map.of());
    }

    private static OhlcvSeries checkedDetail(Map<Symbol, OhlcvSeries> prices, OhlcvSeries detailBars) {
        OhlcvSeries decision = prices.get(detailBars.symbol());
        if (decision == null) {
            throw new IllegalArgumentException("detail bars of " + detailBars.symbol() + " have no price series to detail:"
                    + " the data holds " + prices.keySet());
        }
        BarInterval fine = detailBars.interval();
        BarInterval coarse = decision.interval();
        if (fine.isCalendarMonth() || coarse.compareTo(fine) <= 0 || !coarse.isCalendarMonth()
                && coarse.nominal().toMillis() % fine.nominal().toMillis() != 0) {
            throw new IllegalArgumentException("detail bars of " + detailBars.symbol() + " are " + fine + " bars: they must"
                    + " be shorter than the " + coarse + " bars they detail and divide them evenly");
        }
        return detailBars;
    }

    /** Returns whether the universe holds any crypto-asset (then a year has 365 periods, else 252). */
    public boolean anyCrypto() {
        return prices.values().stream().anyMatch(s -> s.instrument().isCrypto());
    }

    /** Returns the earliest bar time of any instrument. */
    public Instant firstTime() {
        return prices.values().stream().filter(s -> s.size() > 0).map(s -> s.time(0)).min(Instant::compareTo)
                .orElseThrow(() -> new IllegalStateException("the market data holds no bars"));
    }

    /** Returns the latest bar time of any instrument. */
    public Instant lastTime() {
        return prices.values().stream().filter(s -> s.size() > 0).map(s -> s.time(s.size() - 1))
                .max(Instant::compareTo).orElseThrow(() -> new IllegalStateException("the market data holds no bars"));
    }

    /** Returns every data source behind this universe, prices first, without repeats. */
    public List<DataSource> sources() {
        List<DataSource> all = new ArrayList<>();
        prices.values().forEach(s -> addOnce(all, s.source()));
        detail.values().forEach(s -> addOnce(all, s.source()));
        series.values().forEach(s -> addOnce(all, s.source()));
        return all;
    }

    private static void addOnce(List<DataSource> all, DataSource source) {
        if (!all.contains(source)) {
            all.add(source);
        }
    }

    /** Returns whether any source declares itself synthetic. */
    public boolean anySynthetic() {
        return sources().stream().anyMatch(DataSource::synthetic);
    }

    /** Builds {@link MarketData}; symbols and series names must be unique. */
    public static final class Builder {
        private final Map<Symbol, OhlcvSeries> prices = new LinkedHashMap<>();
        private final Map<String, NonPriceSeries> series = new LinkedHashMap<>();
        private final Map<Symbol, OhlcvSeries> detail = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds the price series of one instrument. */
        public Builder add(OhlcvSeries priceSeries) {
            Objects.requireNonNull(priceSeries, "priceSeries");
            if (prices.putIfAbsent(priceSeries.symbol(), priceSeries) != null) {
                throw new IllegalArgumentException("symbol " + priceSeries.symbol() + " is added twice (from "
                        + prices.get(priceSeries.symbol()).source().path() + " and " + priceSeries.source().path() + ")");
            }
            return this;
        }

        /** Adds a non-price series under its own name. */
        public Builder add(NonPriceSeries nonPrice) {
            Objects.requireNonNull(nonPrice, "nonPrice");
            if (series.putIfAbsent(nonPrice.name(), nonPrice) != null) {
                throw new IllegalArgumentException("series " + nonPrice.name() + " is added twice");
            }
            return this;
        }

        /**
         * Adds the detail bars of an instrument added before: finer bars (such as 1m under daily
         * bars) whose interval divides its bars' evenly.
         */
        public Builder detail(OhlcvSeries detailBars) {
            Objects.requireNonNull(detailBars, "detailBars");
            if (detail.putIfAbsent(detailBars.symbol(), checkedDetail(prices, detailBars)) != null) {
                throw new IllegalArgumentException("detail bars of " + detailBars.symbol() + " are added twice");
            }
            return this;
        }

        /** Returns the market data. */
        public MarketData build() {
            if (prices.isEmpty()) {
                throw new IllegalArgumentException("market data needs at least one price series");
            }
            return new MarketData(prices, series, detail);
        }
    }
}

package dev.crashlab.data;

import java.util.Objects;

/**
 * An instrument is something crashlab can price and trade: a symbol with its asset class,
 * quote currency and trading calendar.
 *
 * @param symbol        the name its data is loaded under and its orders are placed with
 * @param assetClass    the kind of market; crypto makes a universe use 365 periods a year
 * @param quoteCurrency the currency prices are quoted in, such as {@code USD} or {@code USDT}
 * @param calendar      the dates on which a bar is expected
 */
public record Instrument(Symbol symbol, AssetClass assetClass, String quoteCurrency, TradingCalendar calendar) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        Objects.requireNonNull(calendar, "calendar");
        if (quoteCurrency.isBlank()) {
            throw new IllegalArgumentException("quoteCurrency must not be blank for " + symbol);
        }
    }

    /** Returns an instrument quoted in USD on the default calendar of its asset class. */
    public static Instrument of(String symbol, AssetClass assetClass) {
        return new Instrument(Symbol.of(symbol), assetClass, "USD", TradingCalendar.defaultFor(assetClass));
    }

    /** Returns whether this is a crypto-asset. */
    public boolean isCrypto() {
        return assetClass == AssetClass.CRYPTO;
    }

    @Override
    public String toString() {
        return "Instrument(" + symbol + ", " + assetClass.label() + ", " + quoteCurrency + ", " + calendar.id() + ")";
    }
}

package dev.crashlab.data;

import java.util.Locale;

/** The kind of market an instrument trades in; it decides calendars, carry costs and annualisation. */
public enum AssetClass {
    /** Crypto-assets; traded every day of the year around the clock. */
    CRYPTO,
    /** Single company shares. */
    EQUITY,
    /** Exchange-traded funds. */
    ETF,
    /** Price indices; not directly tradable, used as benchmarks and regime inputs. */
    INDEX,
    /** Commodities such as spot gold. */
    COMMODITY,
    /** Currency pairs. */
    FX;

    /** Returns the asset class named by {@code text}, ignoring case ({@code "crypto"}, {@code "ETF"}). */
    public static AssetClass parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown asset class \"" + text
                    + "\": expected one of crypto, equity, etf, index, commodity, fx", e);
        }
    }

    /** Returns the lower-case name used in configs and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

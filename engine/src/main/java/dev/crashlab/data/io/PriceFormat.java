package dev.crashlab.data.io;

import java.util.Locale;

/** The price-file formats crashlab reads. {@link #AUTO} detects the format from the file's start. */
public enum PriceFormat {
    /** Detect from the header or the first JSON token; fails when the header is ambiguous. */
    AUTO("auto"),
    /** crashlab's own CSV, also used by {@code ../shared/data}: {@code date,open,high,low,close,volume}. */
    CRASHLAB_CSV("crashlab-csv"),
    /** Any delimited file with a column mapping (names or indexes) and a timestamp format. */
    GENERIC_CSV("generic-csv"),
    /** Yahoo Finance download: {@code Date,Open,High,Low,Close,Adj Close,Volume}; adjusted or raw. */
    YAHOO_CSV("yahoo-csv"),
    /** Binance kline dump (data.binance.vision): open time in ms or µs, then OHLCV; header optional. */
    BINANCE_CSV("binance-csv"),
    /** Binance REST {@code /api/v3/klines} response: a JSON array of arrays. */
    BINANCE_JSON("binance-json"),
    /** CoinGecko {@code market_chart} JSON: {@code prices} and {@code total_volumes}; close-only bars. */
    COINGECKO_JSON("coingecko-json");

    private final String label;

    PriceFormat(String label) {
        this.label = label;
    }

    /** Returns the name used in configs, such as {@code yahoo-csv}. */
    public String label() {
        return label;
    }

    /** Returns the format named {@code text} (its label or enum name, any case). */
    public static PriceFormat parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PriceFormat format : values()) {
            if (format.label.equals(wanted)) {
                return format;
            }
        }
        StringBuilder known = new StringBuilder();
        for (PriceFormat format : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(format.label);
        }
        throw new IllegalArgumentException("unknown price format \"" + text + "\": expected one of " + known);
    }
}

package dev.crashlab.data.io.download;

import java.net.URI;
import java.util.Locale;

/** The public sources crashlab downloads daily bars from, each with its public endpoint. */
public enum DownloadSource {
    /** Binance spot klines REST API: crypto pairs such as {@code BTCUSDT}, UTC days. */
    BINANCE("binance", "https://api.binance.com"),
    /** Yahoo Finance chart API: equities, ETFs, indices and more, by exchange date. */
    YAHOO("yahoo", "https://query1.finance.yahoo.com"),
    /** Stooq's CSV download: equities ({@code spy.us}), indices ({@code ^spx}), FX and more. */
    STOOQ("stooq", "https://stooq.com");

    private final String label;
    private final URI defaultBaseUri;

    DownloadSource(String label, String defaultBaseUri) {
        this.label = label;
        this.defaultBaseUri = URI.create(defaultBaseUri);
    }

    /** Returns the name used on the command line and as the cache sub-folder, such as {@code binance}. */
    public String label() {
        return label;
    }

    /** Returns the public endpoint requests go to unless {@link DownloadOptions#baseUri()} is set. */
    public URI defaultBaseUri() {
        return defaultBaseUri;
    }

    /** Returns a downloader for this source. */
    public Downloader downloader(DownloadOptions options) {
        return switch (this) {
            case BINANCE -> new BinanceDownloader(options);
            case YAHOO -> new YahooDownloader(options);
            case STOOQ -> new StooqDownloader(options);
        };
    }

    /** Returns the source named {@code text} (its label, any case). */
    public static DownloadSource parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (DownloadSource source : values()) {
            if (source.label.equals(wanted)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown download source \"" + text + "\": expected binance, yahoo or stooq");
    }
}

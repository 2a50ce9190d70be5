package dev.crashlab.data.io.download;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A download request asks a source for the daily bars of one instrument between two dates,
 * both inclusive: UTC days for crypto, exchange trading dates otherwise.
 *
 * @param instrument   the instrument; its symbol names the cache file, such as
 *                     {@code data/cache/binance/BTC-USDT.csv}
 * @param remoteSymbol the source's own name for it ({@code BTCUSDT}, {@code ^GSPC},
 *                     {@code spy.us}), or {@code null} to derive it from the instrument
 * @param from         the first date wanted
 * @param to           the last date wanted; days that are not over yet are never downloaded
 * @param refresh      whether to download even when the cache already covers the dates
 */
public record DownloadRequest(Instrument instrument, String remoteSymbol, LocalDate from, LocalDate to,
        boolean refresh) {

    /** Checks the request, naming the symbol in each refusal. */
    public DownloadRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("download of " + instrument.symbol() + ": from " + from
                    + " is after to " + to);
        }
        if (remoteSymbol != null && remoteSymbol.isBlank()) {
            throw new IllegalArgumentException("download of " + instrument.symbol()
                    + ": the remote symbol must not be blank (leave it null to derive it)");
        }
        String file = instrument.symbol().value();
        if (file.contains("/") || file.contains("\\") || file.equals(".") || file.equals("..")) {
            throw new IllegalArgumentException("cannot download \"" + file
                    + "\": the symbol names the cache file, so it must not contain / or \\ or be . or ..");
        }
    }

    /** Returns a request for {@code instrument}, using the cache when it covers the dates. */
    public static DownloadRequest of(Instrument instrument, LocalDate from, LocalDate to) {
        return new DownloadRequest(instrument, null, from, to, false);
    }

    /**
     * Returns a request for the instrument the {@linkplain InstrumentCatalog#defaults() default
     * catalog} knows as {@code symbol}, such as {@code BTC-USDT} or {@code SPY}.
     */
    public static DownloadRequest of(String symbol, LocalDate from, LocalDate to) {
        Instrument instrument = InstrumentCatalog.defaults().find(symbol).orElseThrow(() ->
                new IllegalArgumentException("unknown symbol \"" + symbol + "\": crashlab cannot tell its asset class;"
                        + " build the Instrument and use DownloadRequest.of(instrument, from, to)"));
        return of(instrument, from, to);
    }

    /** Returns this request with the source's own name for the instrument. */
    public DownloadRequest withRemoteSymbol(String value) {
        return new DownloadRequest(instrument, value, from, to, refresh);
    }

    /** Returns this request with the refresh flag set as given. */
    public DownloadRequest withRefresh(boolean value) {
        return new DownloadRequest(instrument, remoteSymbol, from, to, value);
    }
}

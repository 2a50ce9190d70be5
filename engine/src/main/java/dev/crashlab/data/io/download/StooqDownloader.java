package dev.crashlab.data.io.download;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.TradingCalendar;
import dev.crashlab.data.io.ColumnMapping;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceLoader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Downloads daily bars from Stooq's CSV export,
 * {@code GET /q/d/l/?s=spy.us&i=d&d1=20200101&d2=20241231}, which answers
 * {@code Date,Open,High,Low,Close,Volume} with exchange dates (indices and FX may lack the
 * volume column). The CSV is read by {@link PriceLoader} as a generic CSV, so a bad row is
 * reported with the URL, its line and the field.
 *
 * <p>For an unknown symbol Stooq answers 200 with the text {@code No data} or an HTML page;
 * both become a {@link DownloadException} naming the symbol.
 */
public final class StooqDownloader extends CachingDownloader {

    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** Creates a downloader that reaches Stooq, or {@link DownloadOptions#baseUri()}, as {@code options} say. */
    public StooqDownloader(DownloadOptions options) {
        super(DownloadSource.STOOQ, options);
    }

    /**
     * Returns Stooq's name for an instrument: lower case, US equities and ETFs with {@code .us}
     * ({@code SPY} is {@code spy.us}), indices with a caret ({@code SPX} and {@code ^GSPC} are
     * {@code ^spx}), other symbols without dashes ({@code BTC-USD} is {@code btcusd}).
     */
    public static String remoteSymbol(Instrument instrument) {
        String symbol = instrument.symbol().value().toLowerCase(Locale.ROOT);
        if (symbol.contains(".")) {
            return symbol;
        }
        return switch (instrument.assetClass()) {
            case EQUITY, ETF -> instrument.calendar() == TradingCalendar.XNYS ? symbol + ".us" : symbol;
            case INDEX -> {
                String name = symbol.startsWith("^") ? symbol.substring(1) : symbol;
                yield "^" + (name.equals("gspc") ? "spx" : name);
            }
            default -> symbol.replace("-", "");
        };
    }

    @Override
    DownloadCache.Fetched fetch(DownloadRequest request) {
        String symbol = request.remoteSymbol() != null ? request.remoteSymbol() : remoteSymbol(request.instrument());
        URI uri = base.resolve("/q/d/l/?s=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "&i=d&d1="
                + COMPACT_DATE.format(request.from()) + "&d2=" + COMPACT_DATE.format(request.to()));
        HttpFetcher.Response response = http.get(uri);
        byte[] body = response.okBody();
        String text = response.text().replace("\uFEFF", "").strip();
        String header = text.lines().findFirst().orElse("");
        if (!header.toLowerCase(Locale.ROOT).startsWith("date,")) {
            throw notCsv(request, symbol, uri, response, text);
        }
        boolean volume = header.toLowerCase(Locale.ROOT).contains(",volume");
        LoadOptions csv = LoadOptions.builder()
                .columns(ColumnMapping.byName("Date", "Open", "High", "Low", "Close", volume ? "Volume" : null))
                .instrument(request.instrument())
                .build();
        return new DownloadCache.Fetched(PriceLoader.parse(uri.toString(), body, csv), symbol, uri, 1);
    }

    private DownloadException notCsv(DownloadRequest request, String symbol, URI uri, HttpFetcher.Response response, String text) {
        if (text.isEmpty()) {
            return DownloadException.noData(source(), symbol, uri, response.status(), "it answered with an empty body");
        }
        if (text.equalsIgnoreCase("No data")) {
            return DownloadException.noData(source(), symbol, uri, response.status(), "it answered \"No data\""
                    + " (an unknown symbol, or no bars from " + request.from() + " to " + request.to() + ")");
        }
        if (text.startsWith("<")) {
            return DownloadException.noData(source(), symbol, uri, response.status(),
                    "it answered with an HTML page instead of CSV (an unknown symbol?)");
        }
        return DownloadException.refused(uri, response.attempts(), response.status(), "expected CSV starting with"
                + " \"Date,\", got \"" + response.excerpt() + "\"");
    }
}

package dev.crashlab.data.io.download;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.DataWarning;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceFormat;
import dev.crashlab.data.io.PriceLoader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Downloads daily klines from Binance's spot REST API,
 * {@code GET /api/v3/klines?symbol=BTCUSDT&interval=1d&startTime=..&endTime=..&limit=1000}.
 *
 * <p>Binance returns at most 1,000 klines a request, so the download pages: each next request
 * starts one day after the last kline received, until the end date, an empty page or a short
 * page. Each page is read by {@link PriceLoader} as {@link PriceFormat#BINANCE_JSON}, so a bad
 * kline is reported with the page's URL and the field. A last kline whose close time is still
 * in the future (by the options' clock) is a day in progress: it is dropped with a warning.
 */
public final class BinanceDownloader extends CachingDownloader {

    /** The most klines Binance returns for one request. */
    static final int PAGE_LIMIT = 1000;

    private static final long DAY_MILLIS = 86_400_000L;

    /** Creates a downloader that reaches Binance, or {@link DownloadOptions#baseUri()}, as {@code options} say. */
    public BinanceDownloader(DownloadOptions options) {
        super(DownloadSource.BINANCE, options);
    }

    /**
     * Returns Binance's name for an instrument: its symbol without dashes and without a
     * {@code _suffix}, so {@code BTC-USDT} and {@code BTC-USDT_binance} are {@code BTCUSDT}.
     */
    public static String remoteSymbol(Instrument instrument) {
        String symbol = instrument.symbol().value();
        int suffix = symbol.indexOf('_');
        return (suffix > 0 ? symbol.substring(0, suffix) : symbol).replace("-", "");
    }

    @Override
    DownloadCache.Fetched fetch(DownloadRequest request) {
        String symbol = request.remoteSymbol() != null ? request.remoteSymbol() : remoteSymbol(request.instrument());
        LoadOptions klines = LoadOptions.builder().format(PriceFormat.BINANCE_JSON).instrument(request.instrument())
                .build();
        long start = startMillis(request.from());
        long end = startMillis(request.to().plusDays(1)) - 1;
        long now = options.clock().millis();
        List<OhlcvSeries> pages = new ArrayList<>();
        List<DataWarning> warnings = new ArrayList<>();
        MessageDigest sha256 = sha256();
        URI first = null;
        int requests = 0;
        while (start <= end) {
            URI uri = base.resolve("/api/v3/klines?symbol=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                    + "&interval=1d&startTime=" + start + "&endTime=" + end + "&limit=" + PAGE_LIMIT);
            first = first == null ? uri : first;
            HttpFetcher.Response response = http.get(uri);
            requests++;
            JsonNode tree = readTree(uri, response);
            if (tree.isEmpty()) {
                break;
            }
            sha256.update(response.body());
            OhlcvSeries page = PriceLoader.parse(uri.toString(), response.body(), klines);
            warnings.addAll(page.warnings());
            long lastOpen = page.timeMillis(page.size() - 1);
            long lastClose = tree.get(tree.size() - 1).path(6).asLong(lastOpen + DAY_MILLIS - 1);
            if (lastClose > now) {
                warnings.add(new DataWarning(DataWarning.Kind.SKIPPED_ROWS, uri.toString(), 0, "kline of "
                        + Instant.ofEpochMilli(lastOpen) + " dropped: it closes at " + Instant.ofEpochMilli(lastClose)
                        + ", after the download time " + Instant.ofEpochMilli(now) + " (a day in progress)"));
                page = page.between(page.time(0), Instant.ofEpochMilli(lastOpen - 1));
            }
            pages.add(page);
            if (tree.size() < PAGE_LIMIT) {
                break;
            }
            start = lastOpen + DAY_MILLIS;
        }
        DataSource source = new DataSource(String.valueOf(first), HexFormat.of().formatHex(sha256.digest()),
                PriceFormat.BINANCE_JSON.label(), false);
        return new DownloadCache.Fetched(SeriesJoin.join(request.instrument(), pages, source, warnings), symbol, first,
                requests);
    }

    /** Reads a page as a JSON array, or explains Binance's refusal ({@code {"code":-1121,"msg":"Invalid symbol."}}). */
    private static JsonNode readTree(URI uri, HttpFetcher.Response response) {
        JsonNode tree = readJson(uri, response);
        if (tree.has("msg")) {
            throw DownloadException.refused(uri, response.attempts(), response.status(),
                    tree.path("msg").asString() + " (Binance code " + tree.path("code").asString() + ")");
        }
        response.okBody();
        if (!tree.isArray()) {
            throw new DataFileException(uri.toString(), 0, null, "expected a JSON array of klines, got \""
                    + response.excerpt() + "\"");
        }
        return tree;
    }

    private static long startMillis(LocalDate date) {
        return date.toEpochDay() * DAY_MILLIS;
    }
}

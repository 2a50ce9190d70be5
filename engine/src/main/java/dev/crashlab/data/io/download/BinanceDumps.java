package dev.crashlab.data.io.download;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceFormat;
import dev.crashlab.data.io.PriceLoader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads Binance's public kline dumps, the monthly archives of
 * <a href="https://data.binance.vision">data.binance.vision</a>, into the cache, each verified
 * against the {@code .CHECKSUM} file Binance publishes beside it:
 * {@code data/spot/monthly/klines/<SYMBOL>/<interval>/<SYMBOL>-<interval>-<yyyy-MM>.zip} and
 * {@code ...zip.CHECKSUM} ({@code "<sha256>  <file name>"}); USDⓈ-M futures under
 * {@code data/futures/um/monthly/klines/...}.
 *
 * <p>The cache mirrors that layout under {@code <cache folder>/binance-vision/}, so a cached
 * month is found where Binance keeps it, and the archives are the very bytes Binance published:
 * {@link PriceLoader} reads them as they are (zip, header or not, ms or µs open times).
 *
 * <h2>Verified, then written</h2>
 * A month is written only when the SHA-256 of the archive received equals its {@code .CHECKSUM}
 * and the archive reads as klines under the strict loader; the archive and its checksum are then
 * written atomically. A mismatch ({@link DownloadException.Reason#CORRUPT}), an unreadable
 * archive or a bad row ({@link dev.crashlab.data.DataFileException} naming the URL, entry, line
 * and field) fails the fetch and leaves no file for that month. A month already in the cache is
 * not downloaded again unless refreshed: it was verified when it was written.
 */
public final class BinanceDumps {

    /** Binance's public dump site. */
    public static final URI DEFAULT_BASE = URI.create("https://data.binance.vision");

    private static final Pattern CHECKSUM = Pattern.compile("([0-9a-fA-F]{64})\\s+\\*?(\\S+)\\s*");
    private static final Pattern INTERVAL = Pattern.compile("1s|1m|3m|5m|15m|30m|1h|2h|4h|6h|8h|12h|1d|3d|1w|1mo");

    /** The markets whose dumps this reads. */
    public enum Market {
        /** Spot pairs: {@code data/spot/...}. */
        SPOT("spot", "data/spot"),
        /** USDⓈ-M perpetual and delivery futures: {@code data/futures/um/...}. */
        FUTURES_UM("futures-um", "data/futures/um");

        private final String label;
        private final String path;

        Market(String label, String path) {
            this.label = label;
            this.path = path;
        }

        /** Returns the name used on the command line: {@code spot} or {@code futures-um}. */
        public String label() {
            return label;
        }

        /** Returns the market named {@code text}: {@code spot} or {@code futures-um}. */
        public static Market parse(String text) {
            for (Market market : values()) {
                if (market.label.equalsIgnoreCase(text.strip())) {
                    return market;
                }
            }
            throw new IllegalArgumentException("unknown Binance market \"" + text + "\": expected spot or futures-um");
        }
    }

    /**
     * A month fetched or found in the cache.
     *
     * @param month      the month
     * @param file       the archive in the cache
     * @param url        where it comes from
     * @param downloaded whether it was downloaded now, rather than found in the cache
     * @param bars       how many klines it holds (0 when found in the cache: not read)
     */
    public record Month(YearMonth month, Path file, URI url, boolean downloaded, int bars) {
    }

    private final DownloadOptions options;
    private final HttpFetcher http;
    private final URI base;

    /** Creates a fetcher reaching data.binance.vision, or {@link DownloadOptions#baseUri()}, as {@code options} say. */
    public BinanceDumps(DownloadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.http = new HttpFetcher(options);
        this.base = options.baseUriOr(DEFAULT_BASE);
    }

    /** Returns Binance's path of a month's archive, such as {@code data/spot/monthly/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01.zip}. */
    public static String path(Market market, String symbol, String interval, YearMonth month) {
        return market.path + "/monthly/klines/" + symbol + "/" + interval + "/" + symbol + "-" + interval + "-" + month
                + ".zip";
    }

    /** Returns where a month's archive is cached. */
    public Path cacheFile(Market market, String symbol, String interval, YearMonth month) {
        return options.cacheFolder().resolve("binance-vision").resolve(path(market, symbol, interval, month));
    }

    /**
     * Fetches the archives of {@code symbol} (Binance's spelling, {@code BTCUSDT}) at
     * {@code interval} ({@code 1m}, {@code 5m}, {@code 1h} ...) from {@code from} to {@code to},
     * both inclusive, and returns them in month order.
     *
     * @param refresh whether to download months already in the cache again
     * @throws DownloadException when a month cannot be had (no such dump: {@code NO_DATA}) or does
     *                           not match its checksum ({@code CORRUPT})
     * @throws dev.crashlab.data.DataFileException when a verified archive is unreadable or holds a bad row
     */
    public List<Month> fetch(Market market, String symbol, String interval, YearMonth from, YearMonth to,
            boolean refresh) {
        if (!symbol.matches("[A-Z0-9]{2,20}")) {
            throw new IllegalArgumentException("Binance symbol \"" + symbol + "\": expected Binance's spelling, such as"
                    + " BTCUSDT (upper-case letters and digits)");
        }
        if (!INTERVAL.matcher(interval).matches()) {
            throw new IllegalArgumentException("Binance interval \"" + interval + "\": expected one of "
                    + INTERVAL.pattern().replace("|", ", "));
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("Binance dumps of " + symbol + ": from " + from + " is after to " + to);
        }
        Instrument instrument = InstrumentCatalog.defaults().find(symbol)
                .orElse(Instrument.of(symbol, AssetClass.CRYPTO));
        LoadOptions klines = LoadOptions.builder().format(PriceFormat.BINANCE_CSV).instrument(instrument).build();
        List<Month> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Path file = cacheFile(market, symbol, interval, month);
            URI url = base.resolve("/" + path(market, symbol, interval, month));
            if (!refresh && Files.isRegularFile(file)) {
                months.add(new Month(month, file, url, false, 0));
                continue;
            }
            months.add(download(month, file, url, klines));
        }
        return months;
    }

    private Month download(YearMonth month, Path file, URI url, LoadOptions klines) {
        URI checksumUrl = URI.create(url + ".CHECKSUM");
        String expected = expectedSha256(checksumUrl, file.getFileName().toString());
        HttpFetcher.Response response = http.get(url);
        byte[] archive = body(url, response);
        String actual = HexFormat.of().formatHex(CachingDownloader.sha256().digest(archive));
        if (!actual.equalsIgnoreCase(expected)) {
            throw new DownloadException(DownloadException.Reason.CORRUPT, url.toString(), response.attempts(),
                    response.status(), "checksum mismatch for " + url + ": the " + archive.length + " bytes received"
                    + " have SHA-256 " + actual + ", " + checksumUrl.getPath() + " says " + expected.toLowerCase(Locale.ROOT)
                    + "; nothing was written (try again; if it persists, the dump is broken upstream)", null);
        }
        int bars = PriceLoader.parse(url.toString(), archive, klines).size();
        AtomicWrite.bytes(file, archive);
        AtomicWrite.text(file.resolveSibling(file.getFileName() + ".CHECKSUM"),
                expected.toLowerCase(Locale.ROOT) + "  " + file.getFileName() + "\n");
        return new Month(month, file, url, true, bars);
    }

    /** Reads {@code <sha256>  <file name>} from the checksum URL, checking it names the archive. */
    private String expectedSha256(URI checksumUrl, String archiveName) {
        HttpFetcher.Response response = http.get(checksumUrl);
        String text = new String(body(checksumUrl, response), StandardCharsets.UTF_8);
        Matcher m = CHECKSUM.matcher(text);
        if (!m.matches() || !m.group(2).equals(archiveName)) {
            throw new DownloadException(DownloadException.Reason.CORRUPT, checksumUrl.toString(), response.attempts(),
                    response.status(), "unreadable checksum file " + checksumUrl + ": expected \"<sha256>  "
                    + archiveName + "\", got \"" + response.excerpt() + "\"", null);
        }
        return m.group(1);
    }

    private static byte[] body(URI url, HttpFetcher.Response response) {
        if (response.status() == 404) {
            throw new DownloadException(DownloadException.Reason.NO_DATA, url.toString(), response.attempts(), 404,
                    "no Binance dump at " + url + " (HTTP 404): check the symbol and interval; a month's archive is"
                    + " published only after the month ends", null);
        }
        return response.okBody();
    }
}

package dev.crashlab.data.io.download;

import dev.crashlab.data.AssetClass;
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
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Downloads daily bars from Yahoo Finance's chart API,
 * {@code GET /v8/finance/chart/SPY?period1=..&period2=..&interval=1d&events=div,splits}.
 *
 * <p>Yahoo stamps each bar with the instant its session opened; the bar is keyed by that
 * instant's date in the exchange's zone ({@code meta.exchangeTimezoneName}), so a Hong Kong
 * session opening at 01:30 UTC keeps its own date. Entries whose values are all {@code null}
 * (holidays, halts) are skipped and counted in a warning.
 *
 * <p>The arrays are rewritten, row by row and unchanged, as Yahoo's CSV download
 * ({@code Date,Open,High,Low,Close,Adj Close,Volume}) and read by {@link PriceLoader}'s
 * {@link PriceFormat#YAHOO_CSV}, so adjustment (open, high, low and close scaled by
 * {@code adjclose / close} when {@link DownloadOptions#adjusted()}) and validation are those of
 * a downloaded CSV file; a bad value is reported with the URL and its JSON path, such as
 * {@code indicators.quote[0].close[17]}.
 */
public final class YahooDownloader extends CachingDownloader {

    private static final long DAY_SECONDS = 86_400L;
    private static final String[] QUOTE_FIELDS = {"open", "high", "low", "close", "volume"};
    private static final Map<String, String> JSON_PATHS = Map.of("Date", "timestamp", "Open",
            "indicators.quote[0].open", "High", "indicators.quote[0].high", "Low", "indicators.quote[0].low", "Close",
            "indicators.quote[0].close", "Volume", "indicators.quote[0].volume", "Adj Close",
            "indicators.adjclose[0].adjclose");

    /** Creates a downloader that reaches Yahoo, or {@link DownloadOptions#baseUri()}, as {@code options} say. */
    public YahooDownloader(DownloadOptions options) {
        super(DownloadSource.YAHOO, options);
    }

    /**
     * Returns Yahoo's name for an instrument: its symbol, with a caret for indices
     * ({@code NDX} is {@code ^NDX}) and {@code SPX} as {@code ^GSPC}.
     */
    public static String remoteSymbol(Instrument instrument) {
        String symbol = instrument.symbol().value();
        if (instrument.assetClass() != AssetClass.INDEX || symbol.startsWith("^")) {
            return symbol;
        }
        return "^" + (symbol.equals("SPX") ? "GSPC" : symbol);
    }

    @Override
    DownloadCache.Fetched fetch(DownloadRequest request) {
        String symbol = request.remoteSymbol() != null ? request.remoteSymbol() : remoteSymbol(request.instrument());
        // A day's margin on both sides: sessions east of UTC open on the previous UTC day.
        long period1 = request.from().minusDays(1).toEpochDay() * DAY_SECONDS;
        long period2 = request.to().plusDays(2).toEpochDay() * DAY_SECONDS;
        URI uri = base.resolve("/v8/finance/chart/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "?period1="
                + period1 + "&period2=" + period2 + "&interval=1d&events=div%2Csplits&includeAdjustedClose=true");
        HttpFetcher.Response response = http.get(uri);
        JsonNode result = result(symbol, uri, response);
        String url = uri.toString();
        ZoneId zone = zone(url, result.path("meta").path("exchangeTimezoneName"));
        JsonNode timestamps = result.path("timestamp");
        if (!timestamps.isArray() || timestamps.isEmpty()) {
            throw DownloadException.noData(source(), symbol, uri, response.status(), "no bars from " + request.from()
                    + " to " + request.to());
        }
        JsonNode quote = result.path("indicators").path("quote").path(0);
        JsonNode[] columns = new JsonNode[6];
        for (int k = 0; k < QUOTE_FIELDS.length; k++) {
            columns[k] = array(url, quote.path(QUOTE_FIELDS[k]), "indicators.quote[0]." + QUOTE_FIELDS[k],
                    timestamps.size());
        }
        JsonNode adjclose = result.path("indicators").path("adjclose").path(0).path("adjclose");
        columns[5] = adjclose.isMissingNode() ? columns[3]
                : array(url, adjclose, "indicators.adjclose[0].adjclose", timestamps.size());

        LocalDate lastComplete = cache.lastCompleteDay();
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        List<Integer> indexOfRow = new ArrayList<>();
        int skipped = 0;
        LocalDate firstSkipped = null;
        for (int i = 0; i < timestamps.size(); i++) {
            LocalDate date = Instant.ofEpochSecond(timestamps.get(i).asLong()).atZone(zone).toLocalDate();
            if (date.isAfter(lastComplete)) {
                continue; // the live bar of a session not over yet; never cached
            }
            if (allNull(columns, i)) {
                firstSkipped = skipped++ == 0 ? date : firstSkipped;
                continue;
            }
            csv.append(date).append(',').append(text(columns[0].get(i))).append(',').append(text(columns[1].get(i)))
                    .append(',').append(text(columns[2].get(i))).append(',').append(text(columns[3].get(i)))
                    .append(',').append(text(columns[5].get(i))).append(',').append(text(columns[4].get(i)))
                    .append('\n');
            indexOfRow.add(i);
        }
        if (indexOfRow.isEmpty()) {
            throw DownloadException.noData(source(), symbol, uri, response.status(), "no complete bars from "
                    + request.from() + " to " + request.to());
        }
        OhlcvSeries parsed = parse(url, csv.toString(), request.instrument(), indexOfRow);
        List<DataWarning> warnings = new ArrayList<>();
        for (DataWarning warning : parsed.warnings()) {
            // Their line numbers count rows of the rewritten CSV, which mean nothing in the JSON.
            warnings.add(new DataWarning(warning.kind(), url, 0, warning.message()));
        }
        if (skipped > 0) {
            warnings.add(new DataWarning(DataWarning.Kind.SKIPPED_ROWS, url, 0, skipped + " entr"
                    + (skipped == 1 ? "y" : "ies") + " with only null values skipped (holidays or missing data),"
                    + " the first dated " + firstSkipped));
        }
        DataSource source = new DataSource(url, HexFormat.of().formatHex(sha256().digest(response.body())),
                "yahoo-chart-json" + (options.adjusted() ? " (adjusted)" : " (raw)"), false);
        return new DownloadCache.Fetched(SeriesJoin.join(request.instrument(), List.of(parsed), source, warnings),
                symbol, uri, 1);
    }

    /** Returns {@code chart.result[0]}, or explains Yahoo's {@code chart.error}. */
    private JsonNode result(String symbol, URI uri, HttpFetcher.Response response) {
        JsonNode root = readJson(uri, response);
        JsonNode error = root.path("chart").path("error");
        if (error.isObject()) {
            String code = error.path("code").asString("");
            String detail = code + ": " + error.path("description").asString("");
            if (code.equalsIgnoreCase("Not Found")) {
                throw DownloadException.noData(source(), symbol, uri, response.status(), detail);
            }
            throw DownloadException.refused(uri, response.attempts(), response.status(), detail);
        }
        response.okBody();
        JsonNode result = root.path("chart").path("result").path(0);
        if (!result.isObject()) {
            throw new DataFileException(uri.toString(), 0, "chart.result", "missing: expected a chart result, got \""
                    + response.excerpt() + "\"");
        }
        return result;
    }

    private static ZoneId zone(String url, JsonNode name) {
        String field = "chart.result[0].meta.exchangeTimezoneName";
        if (!name.isString()) {
            throw new DataFileException(url, 0, field, "missing: the exchange's zone is needed to date the bars");
        }
        try {
            return ZoneId.of(name.asString());
        } catch (DateTimeException e) {
            throw new DataFileException(url, 0, field, "unknown time zone \"" + name.asString() + "\"", e);
        }
    }

    private static JsonNode array(String url, JsonNode node, String path, int size) {
        if (!node.isArray()) {
            throw new DataFileException(url, 0, path, "missing: expected an array of " + size + " values");
        }
        if (node.size() != size) {
            throw new DataFileException(url, 0, path, "has " + node.size() + " values for " + size + " timestamps");
        }
        return node;
    }

    private static boolean allNull(JsonNode[] columns, int i) {
        for (int k = 0; k < QUOTE_FIELDS.length; k++) {
            if (!columns[k].get(i).isNull()) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode value) {
        return value.isNull() ? "null" : value.asString();
    }

    /** Reads the rewritten rows, reporting a bad one by its JSON path instead of its CSV line. */
    private OhlcvSeries parse(String url, String csv, Instrument instrument, List<Integer> indexOfRow) {
        LoadOptions yahoo = LoadOptions.builder().format(PriceFormat.YAHOO_CSV).instrument(instrument)
                .adjusted(options.adjusted()).build();
        try {
            return PriceLoader.parse(url, csv.getBytes(StandardCharsets.UTF_8), yahoo);
        } catch (DataFileException e) {
            int row = (int) e.line() - 2; // line 1 is the header
            String path = e.field() == null ? null : JSON_PATHS.getOrDefault(e.field(), e.field());
            if (row < 0 || row >= indexOfRow.size()) {
                throw new DataFileException(url, 0, path, e.problem(), e);
            }
            int index = indexOfRow.get(row);
            throw new DataFileException(url, 0, path == null ? "entry " + index : path + "[" + index + "]",
                    e.problem(), e);
        }
    }
}

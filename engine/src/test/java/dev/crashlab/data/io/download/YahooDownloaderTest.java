package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataWarning;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.TradingCalendar;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.data.io.download.LocalHttpServer.Reply;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YahooDownloaderTest {

    private static final Instrument SPY = InstrumentCatalog.defaults().find("SPY").orElseThrow();
    private static final LocalDate FROM = LocalDate.of(2024, 7, 1);
    private static final LocalDate TO = LocalDate.of(2024, 7, 5);

    /** SPY, 2024-07-01 to 07-05, as Yahoo's quote arrays hold it; the 07-04 holiday is all null. */
    private static final String[][] SPY_ROWS = {
        // timestamp (session open), open, high, low, close, volume, adjclose
        {"2024-07-01T13:30:00Z", "545.63", "545.88", "542.52", "545.34", "40297800", "540.0"},
        {"2024-07-02T13:30:00Z", "543.7", "549.91", "543.41", "549.01", "40434800", "543.6"},
        {"2024-07-03T13:30:00Z", "548.69", "551.83", "548.65", "551.46", "32789900", "546.0"},
        {"2024-07-04T13:30:00Z", "null", "null", "null", "null", "null", "null"},
        {"2024-07-05T13:30:00Z", "551.77", "555.05", "551.12", "554.64", "40760800", "549.2"},
    };

    @TempDir
    Path base;

    private final FakeTime time = new FakeTime("2024-07-10T00:00:00Z");

    /** Returns a chart API answer in Yahoo's real shape for {@code rows}. */
    static String chart(String symbol, String zone, String[][] rows) {
        List<String> timestamps = new ArrayList<>();
        List<List<String>> columns = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            columns.add(new ArrayList<>());
        }
        for (String[] row : rows) {
            timestamps.add(Long.toString(Instant.parse(row[0]).getEpochSecond()));
            for (int k = 0; k < 6; k++) {
                columns.get(k).add(row[k + 1]);
            }
        }
        return "{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\",\"symbol\":\"" + symbol + "\","
                + "\"exchangeName\":\"PCX\",\"instrumentType\":\"ETF\",\"firstTradeDate\":728317800,"
                + "\"regularMarketTime\":1720209600,\"gmtoffset\":-14400,\"timezone\":\"EDT\","
                + "\"exchangeTimezoneName\":\"" + zone + "\",\"dataGranularity\":\"1d\",\"range\":\"\"},"
                + "\"timestamp\":[" + String.join(",", timestamps) + "],"
                + "\"events\":{\"dividends\":{}},"
                + "\"indicators\":{\"quote\":[{"
                + "\"open\":[" + String.join(",", columns.get(0)) + "],"
                + "\"high\":[" + String.join(",", columns.get(1)) + "],"
                + "\"low\":[" + String.join(",", columns.get(2)) + "],"
                + "\"close\":[" + String.join(",", columns.get(3)) + "],"
                + "\"volume\":[" + String.join(",", columns.get(4)) + "]}],"
                + "\"adjclose\":[{\"adjclose\":[" + String.join(",", columns.get(5)) + "]}]}}],"
                + "\"error\":null}}";
    }

    private YahooDownloader downloader(LocalHttpServer server, boolean adjusted) {
        return new YahooDownloader(DownloadOptions.builder(base).baseUri(server.baseUri()).adjusted(adjusted)
                .clock(time).sleeper(time).build());
    }

    private LocalHttpServer yahoo(String[][] rows) {
        return LocalHttpServer.start(time, request -> Reply.ok(chart("SPY", "America/New_York", rows)));
    }

    @Test
    void asksForTheChartOfTheSymbolWithADayOfMarginAroundTheDates() {
        try (LocalHttpServer server = yahoo(SPY_ROWS)) {
            downloader(server, true).download(DownloadRequest.of(SPY, FROM, TO));

            LocalHttpServer.Request request = server.requests().getFirst();
            assertThat(request.uri().getPath()).isEqualTo("/v8/finance/chart/SPY");
            assertThat(request.query())
                    .containsEntry("period1", Long.toString(FROM.minusDays(1).toEpochDay() * 86_400))
                    .containsEntry("period2", Long.toString(TO.plusDays(2).toEpochDay() * 86_400))
                    .containsEntry("interval", "1d")
                    .containsEntry("events", "div,splits");
        }
    }

    @Test
    void keepsRawPricesEqualToTheServedValuesWhenAdjustmentIsOff() {
        try (LocalHttpServer server = yahoo(SPY_ROWS)) {
            OhlcvSeries series = downloader(server, false).download(DownloadRequest.of(SPY, FROM, TO));

            assertThat(series.size()).isEqualTo(4);
            assertThat(series.date(3)).isEqualTo(TO);
            assertThat(series.open(0)).isEqualTo(545.63);
            assertThat(series.high(1)).isEqualTo(549.91);
            assertThat(series.low(2)).isEqualTo(548.65);
            assertThat(series.close(3)).isEqualTo(554.64);
            assertThat(series.volume(3)).isEqualTo(40_760_800);
            assertThat(series.source().format()).isEqualTo("yahoo-chart-json (raw)");
        }
    }

    @Test
    void scalesOpenHighLowAndCloseByAdjcloseOverCloseByDefault() {
        try (LocalHttpServer server = yahoo(SPY_ROWS)) {
            OhlcvSeries series = downloader(server, true).download(DownloadRequest.of(SPY, FROM, TO));

            double factor = 540.0 / 545.34;
            assertThat(series.open(0)).isEqualTo(545.63 * factor);
            assertThat(series.high(0)).isEqualTo(545.88 * factor);
            assertThat(series.low(0)).isEqualTo(542.52 * factor);
            assertThat(series.close(0)).isEqualTo(540.0);
            assertThat(series.volume(0)).isEqualTo(40_297_800);
            assertThat(series.source().format()).isEqualTo("yahoo-chart-json (adjusted)");
        }
    }

    @Test
    void skipsEntriesThatAreAllNullAndCountsThemInAWarning() {
        try (LocalHttpServer server = yahoo(SPY_ROWS)) {
            OhlcvSeries series = downloader(server, true).download(DownloadRequest.of(SPY, FROM, TO));

            assertThat(series.date(2)).isEqualTo(LocalDate.of(2024, 7, 3));
            assertThat(series.date(3)).isEqualTo(LocalDate.of(2024, 7, 5));
            assertThat(series.warnings()).singleElement().satisfies(w -> {
                assertThat(w.kind()).isEqualTo(DataWarning.Kind.SKIPPED_ROWS);
                assertThat(w.message()).isEqualTo("1 entry with only null values skipped (holidays or missing data),"
                        + " the first dated 2024-07-04");
            });
        }
    }

    @Test
    void keysEachBarByItsDateInTheExchangesZoneNotInUtc() {
        Instrument asx = new Instrument(dev.crashlab.data.Symbol.of("^AXJO"), AssetClass.INDEX, "AUD",
                TradingCalendar.weekdays("XASX", ZoneId.of("Australia/Sydney"), 4));
        // ASX opens at 10:00 in Sydney, which in summer is 23:00 UTC of the day before.
        String[][] rows = {
            {"2024-01-01T23:00:00Z", "7590.8", "7590.8", "7475.1", "7520.5", "0", "7520.5"},
            {"2024-01-02T23:00:00Z", "7520.5", "7520.5", "7437.6", "7443.5", "0", "7443.5"},
        };
        try (LocalHttpServer server = LocalHttpServer.start(time,
                request -> Reply.ok(chart("^AXJO", "Australia/Sydney", rows)))) {
            OhlcvSeries series = downloader(server, true).download(
                    DownloadRequest.of(asx, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)));

            assertThat(series.date(0)).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(series.date(1)).isEqualTo(LocalDate.of(2024, 1, 3));
            assertThat(server.requests().getFirst().uri().getRawPath()).isEqualTo("/v8/finance/chart/%5EAXJO");
        }
    }

    @Test
    void leavesOutASessionThatIsNotOverYet() {
        FakeTime friday = new FakeTime("2024-07-05T15:00:00Z");
        try (LocalHttpServer server = LocalHttpServer.start(friday,
                request -> Reply.ok(chart("SPY", "America/New_York", SPY_ROWS)))) {
            YahooDownloader downloader = new YahooDownloader(DownloadOptions.builder(base).baseUri(server.baseUri())
                    .clock(friday).sleeper(friday).build());

            OhlcvSeries series = downloader.download(DownloadRequest.of(SPY, FROM, TO));

            assertThat(series.date(series.size() - 1)).isEqualTo(LocalDate.of(2024, 7, 3));
        }
    }

    @Test
    void turnsYahoosErrorObjectIntoANoDataErrorNamingTheSymbol() {
        String error = "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
                + "\"description\":\"No data found, symbol may be delisted\"}}}";
        Instrument nope = Instrument.of("NOPE", AssetClass.EQUITY);
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.status(404, error))) {
            assertThatThrownBy(() -> downloader(server, true).download(DownloadRequest.of(nope, FROM, TO)))
                    .isInstanceOfSatisfying(DownloadException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DownloadException.Reason.NO_DATA);
                        assertThat(e.status()).isEqualTo(404);
                    })
                    .hasMessageStartingWith("yahoo has no data for symbol \"NOPE\" (GET " + server.baseUri()
                            + "/v8/finance/chart/NOPE?period1=")
                    .hasMessageEndingWith("): Not Found: No data found, symbol may be delisted");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void reportsABadValueByTheUrlAndItsJsonPath() {
        String[][] rows = SPY_ROWS.clone();
        rows[4] = new String[] {"2024-07-05T13:30:00Z", "551.77", "555.05", "551.12", "554.64", "\"lots\"", "549.2"};
        try (LocalHttpServer server = yahoo(rows)) {
            assertThatThrownBy(() -> downloader(server, true).download(DownloadRequest.of(SPY, FROM, TO)))
                    .isInstanceOfSatisfying(DataFileException.class, e -> {
                        assertThat(e.file()).startsWith(server.baseUri() + "/v8/finance/chart/SPY?");
                        assertThat(e.field()).isEqualTo("indicators.quote[0].volume[4]");
                        assertThat(e.problem()).isEqualTo("expected a number, got \"lots\"");
                    });
        }
    }

    @Test
    void refusesArraysThatDoNotMatchTheTimestampsNamingTheArray() {
        String json = chart("SPY", "America/New_York", SPY_ROWS).replace("\"close\":[545.34,", "\"close\":[");
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.ok(json))) {
            assertThatThrownBy(() -> downloader(server, true).download(DownloadRequest.of(SPY, FROM, TO)))
                    .isInstanceOf(DataFileException.class)
                    .hasMessageEndingWith(": field 'indicators.quote[0].close': has 4 values for 5 timestamps");
        }
    }

    @Test
    void cachesTheBarsSoTheyLoadBackAndARepeatMakesNoRequest() {
        try (LocalHttpServer server = yahoo(SPY_ROWS)) {
            YahooDownloader downloader = downloader(server, true);
            OhlcvSeries downloaded = downloader.download(DownloadRequest.of(SPY, FROM, TO));
            OhlcvSeries again = downloader.download(DownloadRequest.of(SPY, FROM, TO));

            assertThat(server.requests()).hasSize(1);
            OhlcvSeries loaded = PriceLoader.load(base.resolve("data/cache/yahoo/SPY.csv"));
            for (int i = 0; i < downloaded.size(); i++) {
                assertThat(loaded.bar(i)).isEqualTo(downloaded.bar(i));
                assertThat(again.bar(i)).isEqualTo(downloaded.bar(i));
            }
        }
    }

    @Test
    void derivesYahoosSymbolFromTheInstrument() {
        InstrumentCatalog catalog = InstrumentCatalog.defaults();
        assertThat(YahooDownloader.remoteSymbol(SPY)).isEqualTo("SPY");
        assertThat(YahooDownloader.remoteSymbol(catalog.find("SPX").orElseThrow())).isEqualTo("^GSPC");
        assertThat(YahooDownloader.remoteSymbol(catalog.find("NDX").orElseThrow())).isEqualTo("^NDX");
        assertThat(YahooDownloader.remoteSymbol(catalog.find("^HSI").orElseThrow())).isEqualTo("^HSI");
        assertThat(YahooDownloader.remoteSymbol(catalog.find("BTC-USD").orElseThrow())).isEqualTo("BTC-USD");
    }
}

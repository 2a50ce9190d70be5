package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.DataFileException;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.data.io.download.LocalHttpServer.Reply;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StooqDownloaderTest {

    private static final Instrument SPY = InstrumentCatalog.defaults().find("SPY").orElseThrow();
    private static final LocalDate FROM = LocalDate.of(2024, 7, 1);
    private static final LocalDate TO = LocalDate.of(2024, 7, 5);

    /** What {@code /q/d/l/?s=spy.us&i=d} answers: CRLF lines, exchange dates, no holiday row. */
    private static final String SPY_CSV = "Date,Open,High,Low,Close,Volume\r\n"
            + "2024-07-01,540.257,540.5,537.181,539.974,40297800\r\n"
            + "2024-07-02,538.357,544.503,538.07,543.611,40434800\r\n"
            + "2024-07-03,543.3,546.41,543.26,546.04,32789900\r\n"
            + "2024-07-05,546.358,549.596,545.72,549.193,40760800\r\n";

    @TempDir
    Path base;

    private final FakeTime time = new FakeTime("2024-07-10T00:00:00Z");

    private StooqDownloader downloader(LocalHttpServer server) {
        return new StooqDownloader(DownloadOptions.builder(base).baseUri(server.baseUri()).clock(time).sleeper(time)
                .build());
    }

    @Test
    void asksForTheDailyCsvOfTheSymbolBetweenTheDates() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.ok(SPY_CSV))) {
            downloader(server).download(DownloadRequest.of(SPY, FROM, TO));

            LocalHttpServer.Request request = server.requests().getFirst();
            assertThat(request.uri().getPath()).isEqualTo("/q/d/l/");
            assertThat(request.query()).containsEntry("s", "spy.us").containsEntry("i", "d")
                    .containsEntry("d1", "20240701").containsEntry("d2", "20240705");
        }
    }

    @Test
    void returnsBarsEqualToTheServedRows() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.ok(SPY_CSV))) {
            OhlcvSeries series = downloader(server).download(DownloadRequest.of(SPY, FROM, TO));

            assertThat(series.size()).isEqualTo(4);
            assertThat(series.date(3)).isEqualTo(TO);
            assertThat(series.bar(1)).isEqualTo(new dev.crashlab.data.Bar(
                    LocalDate.of(2024, 7, 2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), 538.357, 544.503,
                    538.07, 543.611, 40434800));
            assertThat(series.warnings()).isEmpty();
        }
    }

    @Test
    void readsIndicesWithoutAVolumeColumnAsZeroVolume() {
        Instrument spx = InstrumentCatalog.defaults().find("SPX").orElseThrow();
        String csv = "Date,Open,High,Low,Close\n2024-07-01,5471.08,5479.55,5446.53,5475.09\n";
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.ok(csv))) {
            OhlcvSeries series = downloader(server).download(DownloadRequest.of(spx, FROM, FROM));

            assertThat(server.requests().getFirst().query()).containsEntry("s", "^spx");
            assertThat(series.close(0)).isEqualTo(5475.09);
            assertThat(series.volume(0)).isZero();
        }
    }

    @Test
    void turnsNoDataIntoAClearErrorNamingTheSymbol() {
        Instrument nope = Instrument.of("NOPE", AssetClass.EQUITY);
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.ok("No data"))) {
            assertThatThrownBy(() -> downloader(server).download(DownloadRequest.of(nope, FROM, TO)))
                    .isInstanceOfSatisfying(DownloadException.class,
                            e -> assertThat(e.reason()).isEqualTo(DownloadException.Reason.NO_DATA))
                    .hasMessage("stooq has no data for symbol \"nope.us\" (GET " + server.baseUri()
                            + "/q/d/l/?s=nope.us&i=d&d1=20240701&d2=20240705): it answered \"No data\" (an unknown"
                            + " symbol, or no bars from 2024-07-01 to 2024-07-05)");
        }
        assertThat(base.resolve("data/cache/stooq/NOPE.csv")).doesNotExist();
    }

    @Test
    void turnsAnHtmlPageIntoAClearErrorNamingTheSymbol() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time,
                Reply.ok("<!DOCTYPE html><html><head><title>Stooq</title></head><body>...</body></html>"))) {
            assertThatThrownBy(() -> downloader(server).download(DownloadRequest.of(SPY, FROM, TO)))
                    .isInstanceOf(DownloadException.class)
                    .hasMessageStartingWith("stooq has no data for symbol \"spy.us\"")
                    .hasMessageEndingWith("it answered with an HTML page instead of CSV (an unknown symbol?)");
        }
    }

    @Test
    void refusesAnyOtherTextQuotingIt() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.ok("Exceeded the daily hits limit"))) {
            assertThatThrownBy(() -> downloader(server).download(DownloadRequest.of(SPY, FROM, TO)))
                    .isInstanceOfSatisfying(DownloadException.class,
                            e -> assertThat(e.reason()).isEqualTo(DownloadException.Reason.REFUSED))
                    .hasMessageEndingWith(": HTTP 200: expected CSV starting with \"Date,\", got \"Exceeded the daily"
                            + " hits limit\"");
        }
    }

    @Test
    void reportsABadRowNamingTheUrlTheLineAndTheField() {
        String csv = SPY_CSV.replace("543.3,546.41", "543.3,-546.41");
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.ok(csv))) {
            assertThatThrownBy(() -> downloader(server).download(DownloadRequest.of(SPY, FROM, TO)))
                    .isInstanceOfSatisfying(DataFileException.class, e -> {
                        assertThat(e.file()).isEqualTo(server.baseUri()
                                + "/q/d/l/?s=spy.us&i=d&d1=20240701&d2=20240705");
                        assertThat(e.line()).isEqualTo(4);
                        assertThat(e.field()).isEqualTo("High");
                    });
        }
    }

    @Test
    void cachesTheBarsSoTheyLoadBackAndARepeatMakesNoRequest() {
        try (LocalHttpServer server = LocalHttpServer.sequence(time, Reply.ok(SPY_CSV))) {
            StooqDownloader downloader = downloader(server);
            OhlcvSeries downloaded = downloader.download(DownloadRequest.of(SPY, FROM, TO));
            OhlcvSeries again = downloader.download(DownloadRequest.of(SPY, FROM.plusDays(1), TO));

            assertThat(server.requests()).hasSize(1);
            OhlcvSeries loaded = PriceLoader.load(base.resolve("data/cache/stooq/SPY.csv"));
            assertThat(loaded.size()).isEqualTo(downloaded.size());
            for (int i = 0; i < loaded.size(); i++) {
                assertThat(loaded.bar(i)).isEqualTo(downloaded.bar(i));
            }
            assertThat(again.bar(0)).isEqualTo(downloaded.bar(1));
        }
    }

    @Test
    void derivesStooqsSymbolFromTheInstrument() {
        InstrumentCatalog catalog = InstrumentCatalog.defaults();
        assertThat(StooqDownloader.remoteSymbol(SPY)).isEqualTo("spy.us");
        assertThat(StooqDownloader.remoteSymbol(catalog.find("AAPL").orElseThrow())).isEqualTo("aapl.us");
        assertThat(StooqDownloader.remoteSymbol(catalog.find("SPX").orElseThrow())).isEqualTo("^spx");
        assertThat(StooqDownloader.remoteSymbol(catalog.find("^GSPC").orElseThrow())).isEqualTo("^spx");
        assertThat(StooqDownloader.remoteSymbol(catalog.find("XAUUSD").orElseThrow())).isEqualTo("xauusd");
        assertThat(StooqDownloader.remoteSymbol(catalog.find("BTC-USD").orElseThrow())).isEqualTo("btcusd");
    }
}

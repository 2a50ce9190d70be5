package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataWarning;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.data.io.download.LocalHttpServer.Reply;
import dev.crashlab.data.io.download.LocalHttpServer.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinanceDownloaderTest {

    private static final long DAY = 86_400_000L;
    private static final LocalDate FIRST = LocalDate.of(2018, 1, 1);
    private static final int DAYS = 2_500;
    private static final LocalDate LAST = FIRST.plusDays(DAYS - 1);
    private static final Instrument BTC = InstrumentCatalog.defaults().find("BTC-USDT").orElseThrow();

    @TempDir
    Path base;

    private final FakeTime time = new FakeTime("2025-01-01T08:00:00Z");

    /** The kline of day {@code i} (from {@link #FIRST}) as Binance writes it; values follow a fixed formula. */
    private static String kline(int i, String high) {
        long open = (FIRST.toEpochDay() + i) * DAY;
        double o = 10_000 + 37.25 * i;
        double c = o + (i % 5 - 2) * 12.5;
        return String.format(Locale.ROOT, "[%d,\"%.8f\",\"%s\",\"%.8f\",\"%.8f\",\"%.8f\",%d,\"%.8f\",%d,\"%.8f\","
                + "\"%.8f\",\"0\"]", open, o, high != null ? high : String.format(Locale.ROOT, "%.8f",
                Math.max(o, c) + 20.125), Math.min(o, c) - 15.75, c, 1_000 + i * 0.5, open + DAY - 1, c * 1_000,
                1_000 + i, 500 + i * 0.25, c * 500);
    }

    private static double close(int i) {
        return 10_000 + 37.25 * i + (i % 5 - 2) * 12.5;
    }

    /** Answers like {@code /api/v3/klines}: the days in [startTime, endTime], at most {@code limit}. */
    private static Reply klines(Request request, IntPredicate badHigh) {
        if (!request.query().get("symbol").equals("BTCUSDT")) {
            return Reply.status(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        }
        long start = Long.parseLong(request.query().get("startTime"));
        long end = Long.parseLong(request.query().get("endTime"));
        int limit = Integer.parseInt(request.query().get("limit"));
        StringBuilder json = new StringBuilder("[");
        int served = 0;
        for (int i = 0; i < DAYS && served < limit; i++) {
            long open = (FIRST.toEpochDay() + i) * DAY;
            if (open >= start && open <= end) {
                json.append(served++ == 0 ? "" : ",").append(kline(i, badHigh.test(i) ? "oops" : null));
            }
        }
        return Reply.ok(json.append(']').toString());
    }

    private LocalHttpServer binance() {
        return LocalHttpServer.start(time, request -> klines(request, i -> false));
    }

    private BinanceDownloader downloader(LocalHttpServer server) {
        return new BinanceDownloader(DownloadOptions.builder(base).baseUri(server.baseUri()).clock(time).sleeper(time)
                .build());
    }

    private Path cacheFile() {
        return base.resolve("data/cache/binance/BTC-USDT.csv");
    }

    @Test
    void pagesThroughThreeRequestsForTwoThousandFiveHundredDays() {
        try (LocalHttpServer server = binance()) {
            OhlcvSeries series = downloader(server).download(DownloadRequest.of(BTC, FIRST, LAST));

            long start = FIRST.toEpochDay() * DAY;
            assertThat(server.requests()).extracting(r -> r.query().get("startTime"))
                    .containsExactly(Long.toString(start), Long.toString(start + 1000 * DAY),
                            Long.toString(start + 2000 * DAY));
            assertThat(server.requests()).allSatisfy(r -> {
                assertThat(r.uri().getPath()).isEqualTo("/api/v3/klines");
                assertThat(r.query()).containsEntry("symbol", "BTCUSDT").containsEntry("interval", "1d")
                        .containsEntry("limit", "1000")
                        .containsEntry("endTime", Long.toString((LAST.toEpochDay() + 1) * DAY - 1));
            });
            assertThat(series.size()).isEqualTo(DAYS);
            assertThat(series.date(0)).isEqualTo(FIRST);
            assertThat(series.date(DAYS - 1)).isEqualTo(LAST);
        }
    }

    @Test
    void returnsBarsEqualToTheServedKlines() {
        try (LocalHttpServer server = binance()) {
            OhlcvSeries series = downloader(server).download(DownloadRequest.of(BTC, FIRST, LAST));

            for (int i = 0; i < DAYS; i++) {
                assertThat(series.close(i)).as("close of day %d", i).isEqualTo(close(i));
            }
            double o = 10_000 + 37.25 * 1234;
            double c = close(1234);
            assertThat(series.bar(1234)).isEqualTo(new dev.crashlab.data.Bar(
                    FIRST.plusDays(1234).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), o, Math.max(o, c) + 20.125,
                    Math.min(o, c) - 15.75, c, 1_000 + 1234 * 0.5));
            assertThat(series.warnings()).isEmpty();
        }
    }

    @Test
    void spacesThePagesByTheMinimumIntervalOnTheInjectedClock() {
        try (LocalHttpServer server = binance()) {
            downloader(server).download(DownloadRequest.of(BTC, FIRST, LAST));

            Instant t0 = Instant.parse("2025-01-01T08:00:00Z");
            assertThat(server.requests()).extracting(Request::at)
                    .containsExactly(t0, t0.plusMillis(500), t0.plusMillis(1000));
        }
    }

    @Test
    void retriesAPageAfterA503AndCarriesOn() {
        AtomicInteger calls = new AtomicInteger();
        try (LocalHttpServer server = LocalHttpServer.start(time, request -> calls.incrementAndGet() == 2
                ? Reply.status(503, "busy") : klines(request, i -> false))) {
            OhlcvSeries series = downloader(server).download(DownloadRequest.of(BTC, FIRST, LAST));

            assertThat(series.size()).isEqualTo(DAYS);
            assertThat(server.requests()).hasSize(4);
            assertThat(server.requests().get(1).query().get("startTime"))
                    .isEqualTo(server.requests().get(2).query().get("startTime"));
            assertThat(time.sleeps()).contains(Duration.ofSeconds(1));
        }
    }

    @Test
    void writesTheCacheAtomicallyAndItLoadsBackToTheSameValues() throws IOException {
        try (LocalHttpServer server = binance()) {
            OhlcvSeries downloaded = downloader(server).download(DownloadRequest.of(BTC, FIRST, LAST));

            try (Stream<Path> files = Files.list(cacheFile().getParent())) {
                assertThat(files).containsExactly(cacheFile());
            }
            OhlcvSeries loaded = PriceLoader.load(cacheFile());
            assertThat(loaded.instrument()).isEqualTo(BTC);
            assertThat(loaded.size()).isEqualTo(downloaded.size());
            for (int i = 0; i < loaded.size(); i++) {
                assertThat(loaded.bar(i)).isEqualTo(downloaded.bar(i));
            }
        }
    }

    @Test
    void headsTheCacheFileWithSourceUrlDownloadTimeAndRange() throws IOException {
        try (LocalHttpServer server = binance()) {
            downloader(server).download(DownloadRequest.of(BTC, FIRST, LAST));

            List<String> head = Files.readAllLines(cacheFile()).subList(0, 5);
            assertThat(head).containsExactly(
                    "# source: binance BTCUSDT",
                    "# url: " + server.requests().getFirst().uri().toString().replace("/api",
                            server.baseUri() + "/api") + " (first of 3 requests)",
                    "# downloaded: 2025-01-01T08:00:00Z",
                    "# range: 2018-01-01.." + LAST,
                    "date,open,high,low,close,volume");
        }
    }

    @Test
    void servesACoveredRequestFromTheCacheWithoutAnyRequest() {
        try (LocalHttpServer server = binance()) {
            OhlcvSeries first = downloader(server).download(DownloadRequest.of(BTC, FIRST, LAST));
            int requests = server.requests().size();

            OhlcvSeries again = downloader(server).download(DownloadRequest.of(BTC, FIRST.plusDays(10), LAST));

            assertThat(server.requests()).hasSize(requests);
            assertThat(again.size()).isEqualTo(DAYS - 10);
            assertThat(again.bar(0)).isEqualTo(first.bar(10));
            assertThat(again.source().path()).isEqualTo(cacheFile().toString());
        }
    }

    @Test
    void downloadsAgainWhenRefreshIsSetOrTheCacheDoesNotCoverTheDates() {
        try (LocalHttpServer server = binance()) {
            BinanceDownloader downloader = downloader(server);
            downloader.download(DownloadRequest.of(BTC, FIRST.plusDays(100), FIRST.plusDays(200)));
            assertThat(server.requests()).hasSize(1);

            downloader.download(DownloadRequest.of(BTC, FIRST.plusDays(100), FIRST.plusDays(200)).withRefresh(true));
            assertThat(server.requests()).hasSize(2);

            downloader.download(DownloadRequest.of(BTC, FIRST.plusDays(50), FIRST.plusDays(200)));
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void dropsALastKlineThatHasNotClosedYet() throws IOException {
        FakeTime midday = new FakeTime(LAST.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
        try (LocalHttpServer server = LocalHttpServer.start(midday, request -> klines(request, i -> false))) {
            BinanceDownloader downloader = new BinanceDownloader(DownloadOptions.builder(base)
                    .baseUri(server.baseUri()).clock(midday).sleeper(midday).build());

            OhlcvSeries series = downloader.download(DownloadRequest.of(BTC, LAST.minusDays(9), LAST));

            assertThat(series.size()).isEqualTo(9);
            assertThat(series.date(8)).isEqualTo(LAST.minusDays(1));
            assertThat(series.warnings()).singleElement().satisfies(w -> {
                assertThat(w.kind()).isEqualTo(DataWarning.Kind.SKIPPED_ROWS);
                assertThat(w.message()).isEqualTo("kline of " + LAST + "T00:00:00Z dropped: it closes at " + LAST
                        + "T23:59:59.999Z, after the download time " + LAST + "T12:00:00Z (a day in progress)");
            });
            assertThat(Files.readAllLines(cacheFile())).contains("# range: " + LAST.minusDays(9) + ".." + LAST.minusDays(1));
        }
    }

    @Test
    void reportsABadKlineNamingThePageUrlAndTheField() {
        try (LocalHttpServer server = LocalHttpServer.start(time, request -> klines(request, i -> i == 1500))) {
            assertThatThrownBy(() -> downloader(server).download(DownloadRequest.of(BTC, FIRST, LAST)))
                    .isInstanceOfSatisfying(DataFileException.class, e -> {
                        assertThat(e.file()).isEqualTo(server.baseUri() + server.requests().get(1).uri().toString());
                        assertThat(e.field()).isEqualTo("kline #500 high");
                        assertThat(e.problem()).isEqualTo("expected a number, got \"oops\"");
                    });
            assertThat(cacheFile()).doesNotExist();
        }
    }

    @Test
    void explainsAnUnknownSymbolWithBinancesOwnMessage() {
        Instrument nope = Instrument.of("NOPE-USDT", AssetClass.CRYPTO);
        try (LocalHttpServer server = binance()) {
            assertThatThrownBy(() -> downloader(server).download(DownloadRequest.of(nope, FIRST, LAST)))
                    .isInstanceOfSatisfying(DownloadException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DownloadException.Reason.REFUSED);
                        assertThat(e.status()).isEqualTo(400);
                    })
                    .hasMessageContaining("symbol=NOPEUSDT")
                    .hasMessageEndingWith(": HTTP 400: Invalid symbol. (Binance code -1121)");
        }
    }

    @Test
    void failsWithTheOfflineMessageAndWritesNothingWhenBinanceCannotBeReached() {
        BinanceDownloader offline = new BinanceDownloader(DownloadOptions.builder(base)
                .baseUri(LocalHttpServer.refusingAddress()).maxAttempts(2).clock(time).sleeper(time).build());

        assertThatThrownBy(() -> offline.download(DownloadRequest.of(BTC, FIRST, LAST)))
                .isInstanceOfSatisfying(DownloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(DownloadException.Reason.UNREACHABLE))
                .hasMessageContaining("failed on all 2 attempts")
                .hasMessageContaining("The machine may be offline: crashlab:fetch needs network access to 127.0.0.1");
        assertThat(cacheFile()).doesNotExist();
    }

    @Test
    void keepsTheOldCacheFileWhenARefreshFails() throws IOException {
        try (LocalHttpServer server = binance()) {
            downloader(server).download(DownloadRequest.of(BTC, FIRST, FIRST.plusDays(30)));
        }
        byte[] before = Files.readAllBytes(cacheFile());
        try (LocalHttpServer failing = LocalHttpServer.sequence(time, Reply.status(503, "down"))) {
            BinanceDownloader downloader = new BinanceDownloader(DownloadOptions.builder(base)
                    .baseUri(failing.baseUri()).maxAttempts(2).clock(time).sleeper(time).build());

            assertThatThrownBy(() -> downloader.download(
                    DownloadRequest.of(BTC, FIRST, FIRST.plusDays(30)).withRefresh(true)))
                    .isInstanceOf(DownloadException.class);
        }
        assertThat(Files.readAllBytes(cacheFile())).isEqualTo(before);
        try (Stream<Path> files = Files.list(cacheFile().getParent())) {
            assertThat(files).containsExactly(cacheFile());
        }
    }

    @Test
    void derivesBinancesSymbolFromTheInstrument() {
        assertThat(BinanceDownloader.remoteSymbol(BTC)).isEqualTo("BTCUSDT");
        assertThat(BinanceDownloader.remoteSymbol(Instrument.of("ETH-USDT_binance", AssetClass.CRYPTO)))
                .isEqualTo("ETHUSDT");
    }

    @Test
    void usesTheRemoteSymbolWhenTheRequestNamesOne() {
        Instrument bitcoin = Instrument.of("BITCOIN", AssetClass.CRYPTO);
        try (LocalHttpServer server = binance()) {
            OhlcvSeries series = downloader(server).download(
                    DownloadRequest.of(bitcoin, FIRST, FIRST.plusDays(2)).withRemoteSymbol("BTCUSDT"));

            assertThat(series.size()).isEqualTo(3);
            assertThat(base.resolve("data/cache/binance/BITCOIN.csv")).exists();
        }
    }
}

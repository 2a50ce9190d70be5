package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.DataSource;
import dev.crashlab.data.DataWarning;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.PriceWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadCacheTest {

    private static final Instrument BTC = InstrumentCatalog.defaults().find("BTC-USDT").orElseThrow();
    private static final URI URL = URI.create("http://127.0.0.1:1/api/v3/klines?symbol=BTCUSDT");

    @TempDir
    Path folder;

    private final FakeTime time = new FakeTime("2024-07-10T10:00:00Z");
    private final List<DownloadRequest> fetched = new ArrayList<>();

    private DownloadCache cache() {
        return new DownloadCache(folder, time);
    }

    /** A source with one bar a day, close = day of month, up to {@code last}, counting its calls. */
    private DownloadCache.Fetch source(LocalDate last) {
        return request -> {
            fetched.add(request);
            OhlcvSeries.Builder bars = OhlcvSeries.builder(BTC).source(DataSource.inMemory("test"));
            for (LocalDate d = request.from(); !d.isAfter(request.to()) && !d.isAfter(last); d = d.plusDays(1)) {
                bars.add(d, d.getDayOfMonth());
            }
            return new DownloadCache.Fetched(bars.build(), "BTCUSDT", URL, 1);
        };
    }

    private static DownloadRequest request(String from, String to) {
        return DownloadRequest.of(BTC, LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void namesTheFileBySourceThenSymbol() {
        assertThat(cache().fileFor(DownloadSource.BINANCE, BTC)).isEqualTo(folder.resolve("binance/BTC-USDT.csv"));
    }

    @Test
    void servesACoveredRequestFromTheFileWithoutFetching() {
        DownloadCache cache = cache();
        cache.getOrFetch(DownloadSource.BINANCE, request("2024-06-01", "2024-06-30"), source(LocalDate.MAX));

        OhlcvSeries hit = cache.getOrFetch(DownloadSource.BINANCE, request("2024-06-10", "2024-06-20"),
                source(LocalDate.MAX));

        assertThat(fetched).hasSize(1);
        assertThat(hit.size()).isEqualTo(11);
        assertThat(hit.close(0)).isEqualTo(10);
        assertThat(hit.source().format()).isEqualTo("crashlab-csv");
    }

    @Test
    void fetchesWhenTheFileDoesNotCoverTheDatesOrRefreshIsSet() {
        DownloadCache cache = cache();
        cache.getOrFetch(DownloadSource.BINANCE, request("2024-06-01", "2024-06-30"), source(LocalDate.MAX));
        cache.getOrFetch(DownloadSource.BINANCE, request("2024-06-01", "2024-07-01"), source(LocalDate.MAX));
        cache.getOrFetch(DownloadSource.BINANCE, request("2024-06-01", "2024-06-30").withRefresh(true),
                source(LocalDate.MAX));

        assertThat(fetched).hasSize(3);
    }

    @Test
    void treatsAFileWithoutARangeHeaderAsAMiss() {
        Path file = cache().fileFor(DownloadSource.BINANCE, BTC);
        PriceWriter.write(OhlcvSeries.builder(BTC).add(LocalDate.of(2024, 6, 1), 1).build(), file, List.of("by hand"));

        cache().getOrFetch(DownloadSource.BINANCE, request("2024-06-01", "2024-06-01"), source(LocalDate.MAX));

        assertThat(fetched).hasSize(1);
    }

    @Test
    void endsBarsAndTheRecordedRangeAtTheLastCompleteUtcDay() throws IOException {
        DownloadCache cache = cache();
        OhlcvSeries series = cache.getOrFetch(DownloadSource.BINANCE, request("2024-07-01", "2024-07-31"),
                source(LocalDate.MAX));

        assertThat(series.date(series.size() - 1)).isEqualTo(LocalDate.of(2024, 7, 9));
        assertThat(Files.readAllLines(cache.fileFor(DownloadSource.BINANCE, BTC)))
                .contains("# range: 2024-07-01..2024-07-09");

        cache.getOrFetch(DownloadSource.BINANCE, request("2024-07-01", "2024-07-31"), source(LocalDate.MAX));
        assertThat(fetched).as("same day: the cache is as complete as it can be").hasSize(1);

        time.advance(Duration.ofDays(1));
        cache.getOrFetch(DownloadSource.BINANCE, request("2024-07-01", "2024-07-31"), source(LocalDate.MAX));
        assertThat(fetched).as("a day later, one more day is complete").hasSize(2);
    }

    @Test
    void refusesARequestThatHoldsNoCompleteDay() {
        assertThatThrownBy(() -> cache().getOrFetch(DownloadSource.BINANCE, request("2024-07-10", "2024-07-12"),
                source(LocalDate.MAX)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nothing to download for BTC-USDT from 2024-07-10 to 2024-07-12: the last complete day"
                        + " is 2024-07-09 (UTC)");
        assertThat(fetched).isEmpty();
    }

    @Test
    void failsWithNoDataWhenTheSourceHasNoBarsForTheDates() {
        assertThatThrownBy(() -> cache().getOrFetch(DownloadSource.BINANCE, request("2024-06-01", "2024-06-30"),
                source(LocalDate.of(2024, 5, 1))))
                .isInstanceOfSatisfying(DownloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(DownloadException.Reason.NO_DATA))
                .hasMessage("binance has no data for symbol \"BTCUSDT\" (GET " + URL + "): no bars from 2024-06-01"
                        + " to 2024-06-30");
        assertThat(cache().fileFor(DownloadSource.BINANCE, BTC)).doesNotExist();
    }

    @Test
    void keepsTheDownloadsWarningsAsCommentsInTheFile() throws IOException {
        DownloadCache.Fetch warned = request -> {
            OhlcvSeries bars = OhlcvSeries.builder(BTC).add(LocalDate.of(2024, 6, 1), 1)
                    .warning(new DataWarning(DataWarning.Kind.SKIPPED_ROWS, URL.toString(), 0, "1 row skipped"))
                    .build();
            return new DownloadCache.Fetched(bars, "BTCUSDT", URL, 1);
        };
        DownloadCache cache = cache();
        cache.getOrFetch(DownloadSource.BINANCE, request("2024-06-01", "2024-06-01"), warned);

        assertThat(Files.readAllLines(cache.fileFor(DownloadSource.BINANCE, BTC)))
                .contains("# warning: skipped_rows: 1 row skipped");
    }
}

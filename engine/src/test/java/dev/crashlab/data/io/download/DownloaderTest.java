package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {

    @TempDir
    Path base;

    @Test
    void makesTheDownloaderOfEachSourceByName() {
        DownloadOptions options = DownloadOptions.builder(base).build();

        assertThat(Downloader.forSource("binance", options)).isInstanceOf(BinanceDownloader.class)
                .extracting(Downloader::source).isEqualTo(DownloadSource.BINANCE);
        assertThat(Downloader.forSource("yahoo", options)).isInstanceOf(YahooDownloader.class)
                .extracting(Downloader::source).isEqualTo(DownloadSource.YAHOO);
        assertThat(Downloader.forSource("Stooq", options)).isInstanceOf(StooqDownloader.class)
                .extracting(Downloader::source).isEqualTo(DownloadSource.STOOQ);
    }

    @Test
    void rejectsAnUnknownSourceName() {
        assertThatThrownBy(() -> Downloader.forSource("quandl", DownloadOptions.builder(base).build()))
                .hasMessage("unknown download source \"quandl\": expected binance, yahoo or stooq");
    }

    @Test
    void cachesUnderDataCacheOfTheBaseDirectoryBySourceAndSymbol() {
        Downloader yahoo = Downloader.forSource("yahoo", DownloadOptions.builder(base).build());

        assertThat(yahoo.cacheFile(DownloadRequest.of("SPY", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1))))
                .isEqualTo(base.resolve("data/cache/yahoo/SPY.csv"));
    }
}

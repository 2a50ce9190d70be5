package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DownloadSourceTest {

    @Test
    void parsesEachLabelInAnyCase() {
        assertThat(DownloadSource.parse("binance")).isEqualTo(DownloadSource.BINANCE);
        assertThat(DownloadSource.parse(" Yahoo ")).isEqualTo(DownloadSource.YAHOO);
        assertThat(DownloadSource.parse("STOOQ")).isEqualTo(DownloadSource.STOOQ);
    }

    @Test
    void rejectsAnUnknownSourceListingTheKnownOnes() {
        assertThatThrownBy(() -> DownloadSource.parse("coingecko"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown download source \"coingecko\": expected binance, yahoo or stooq");
    }

    @Test
    void pointsAtThePublicEndpoints() {
        assertThat(DownloadSource.BINANCE.defaultBaseUri()).isEqualTo(URI.create("https://api.binance.com"));
        assertThat(DownloadSource.YAHOO.defaultBaseUri()).isEqualTo(URI.create("https://query1.finance.yahoo.com"));
        assertThat(DownloadSource.STOOQ.defaultBaseUri()).isEqualTo(URI.create("https://stooq.com"));
    }
}

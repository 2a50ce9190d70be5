package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DownloadExceptionTest {

    private final URI uri = URI.create("https://api.binance.com/api/v3/klines?symbol=BTCUSDT&interval=1d");

    @Test
    void unreachableNamesHostUrlAttemptsCauseAndWhatToDoInstead() {
        DownloadException e = DownloadException.unreachable(uri, 4, new ConnectException("Connection refused"),
                Path.of("data/cache"));

        assertThat(e).hasMessage("cannot reach api.binance.com: GET " + uri + " failed on all 4 attempts"
                + " (last: ConnectException: Connection refused). The machine may be offline: crashlab:fetch needs"
                + " network access to api.binance.com; run it where the internet is reachable or use files already"
                + " in data/cache/.");
        assertThat(e.reason()).isEqualTo(DownloadException.Reason.UNREACHABLE);
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void unreachableAfterOneAttemptSaysSoWithoutPlural() {
        DownloadException e = DownloadException.unreachable(uri, 1, new ConnectException(), Path.of("c"));

        assertThat(e).hasMessageContaining("failed on its only attempt (last: ConnectException)");
    }

    @Test
    void noDataNamesTheSourceTheSymbolAndTheUrl() {
        URI stooq = URI.create("https://stooq.com/q/d/l/?s=nope.us&i=d");
        DownloadException e = DownloadException.noData(DownloadSource.STOOQ, "nope.us", stooq, 200,
                "it answered \"No data\"");

        assertThat(e).hasMessage("stooq has no data for symbol \"nope.us\" (GET " + stooq + "): it answered \"No data\"");
        assertThat(e.reason()).isEqualTo(DownloadException.Reason.NO_DATA);
        assertThat(e.status()).isEqualTo(200);
    }

    @Test
    void refusedNamesTheStatusAndTheServersExplanation() {
        DownloadException e = DownloadException.refused(uri, 1, 400, "Invalid symbol. (code -1121)");

        assertThat(e).hasMessage("api.binance.com refused GET " + uri + ": HTTP 400: Invalid symbol. (code -1121)");
    }
}

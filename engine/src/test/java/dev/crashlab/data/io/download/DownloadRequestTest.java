package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DownloadRequestTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    @Test
    void findsTheInstrumentOfAKnownSymbolInTheDefaultCatalog() {
        DownloadRequest request = DownloadRequest.of("BTC-USDT", FROM, TO);

        assertThat(request.instrument().assetClass()).isEqualTo(AssetClass.CRYPTO);
        assertThat(request.instrument().quoteCurrency()).isEqualTo("USDT");
        assertThat(request.remoteSymbol()).isNull();
        assertThat(request.refresh()).isFalse();
    }

    @Test
    void rejectsAnUnknownSymbolSayingHowToDescribeIt() {
        assertThatThrownBy(() -> DownloadRequest.of("ACME", FROM, TO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown symbol \"ACME\": crashlab cannot tell its asset class; build the Instrument and use"
                        + " DownloadRequest.of(instrument, from, to)");
    }

    @Test
    void rejectsDatesInTheWrongOrderNamingTheSymbol() {
        assertThatThrownBy(() -> DownloadRequest.of("SPY", TO, FROM))
                .hasMessage("download of SPY: from 2024-12-31 is after to 2024-01-01");
    }

    @Test
    void rejectsASymbolThatCannotNameACacheFile() {
        assertThatThrownBy(() -> DownloadRequest.of(Instrument.of("../etc", AssetClass.EQUITY), FROM, TO))
                .hasMessageContaining("cannot download \"../etc\": the symbol names the cache file");
    }

    @Test
    void rejectsABlankRemoteSymbol() {
        assertThatThrownBy(() -> DownloadRequest.of("SPY", FROM, TO).withRemoteSymbol(" "))
                .hasMessageContaining("the remote symbol must not be blank");
    }

    @Test
    void withersChangeOnlyTheirOwnPart() {
        DownloadRequest request = DownloadRequest.of("SPY", FROM, TO).withRemoteSymbol("spy.us").withRefresh(true);

        assertThat(request).isEqualTo(new DownloadRequest(request.instrument(), "spy.us", FROM, TO, true));
    }
}

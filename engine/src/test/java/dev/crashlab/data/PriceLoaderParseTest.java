package dev.crashlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceFormat;
import dev.crashlab.data.io.PriceLoader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Tests {@link PriceLoader#parse}, the in-memory twin of {@link PriceLoader#load}. */
class PriceLoaderParseTest {

    private static final Instrument BTC = Instrument.of("BTC-USDT", AssetClass.CRYPTO);
    private static final String URL = "http://127.0.0.1:1/api/v3/klines?symbol=BTCUSDT";

    @Test
    void parsesBinanceKlinesHeldInMemoryAndNamesTheSourceAfterTheGivenName() {
        byte[] json = """
                [[1704067200000,"42283.58","44184.10","42180.77","44179.55","27174.29",1704153599999,"0",1,"0","0","0"],
                 [1704153600000,"44179.55","45879.63","44148.34","44946.91","65146.40",1704239999999,"0",1,"0","0","0"]]
                """.getBytes(StandardCharsets.UTF_8);

        OhlcvSeries series = PriceLoader.parse(URL, json,
                LoadOptions.builder().format(PriceFormat.BINANCE_JSON).instrument(BTC).build());

        assertThat(series.size()).isEqualTo(2);
        assertThat(series.date(1)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(series.close(1)).isEqualTo(44946.91);
        assertThat(series.source().path()).isEqualTo(URL);
        assertThat(series.source().format()).isEqualTo("binance-json");
        assertThat(series.source().sha256()).hasSize(64);
    }

    @Test
    void rejectsABadValueNamingTheGivenNameAndTheField() {
        byte[] json = "[[1704067200000,\"42283.58\",\"oops\",\"42180.77\",\"44179.55\",\"1\"]]"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PriceLoader.parse(URL, json,
                LoadOptions.builder().format(PriceFormat.BINANCE_JSON).instrument(BTC).build()))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(URL + ":1: field 'kline #0 high': expected a number, got \"oops\"");
    }

    @Test
    void refusesToGuessTheInstrumentSinceANameIsNotAFileName() {
        byte[] csv = "date,open,high,low,close,volume\n2024-01-02,1,1,1,1,0\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PriceLoader.parse("memory", csv, LoadOptions.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot parse memory without an instrument");
    }
}

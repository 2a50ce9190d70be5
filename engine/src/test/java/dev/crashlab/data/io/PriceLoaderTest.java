package dev.crashlab.data.io;

import static dev.crashlab.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.BarInterval;
import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataWarning;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Symbol;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceLoaderTest {

    private static final Instrument BTC = Instrument.of("BTC-USD", AssetClass.CRYPTO);
    private static final Instrument SPY = Instrument.of("SPY", AssetClass.ETF);

    @TempDir
    Path dir;

    @Test
    void loadsTheSharedDataFormatWithSymbolAndInstrumentFromTheFileName() {
        Path file = write(dir, "BTC-USD.csv",
                "date,open,high,low,close,volume",
                "2024-01-01,100,110,95,105,12.5",
                "2024-01-02,105,108,101,102,7");

        OhlcvSeries s = PriceLoader.load(file);

        assertThat(s.symbol()).isEqualTo(Symbol.of("BTC-USD"));
        assertThat(s.instrument().assetClass()).isEqualTo(AssetClass.CRYPTO);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.time(0)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(s.date(1)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(new double[] {s.open(0), s.high(0), s.low(0), s.close(0), s.volume(0)})
                .containsExactly(100, 110, 95, 105, 12.5);
        assertThat(s.isDaily()).isTrue();
        assertThat(s.source().format()).isEqualTo("crashlab-csv");
        assertThat(s.source().sha256()).hasSize(64);
        assertThat(s.source().synthetic()).isFalse();
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void countsCommentLinesInLineNumbersAndMarksSyntheticData() {
        Path file = write(dir, "BTC-USD.csv",
                "# synthetic sample, not market history",
                "date,open,high,low,close,volume",
                "2024-01-01,100,110,95,105,1",
                "2024-01-02,105,108,101,-102,1");

        assertThatThrownBy(() -> PriceLoader.load(file))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":4: field 'close': expected a positive price, got -102");
        Path good = write(dir, "ETH-USD.csv", "# Synthetic", "date,open,high,low,close,volume", "2024-01-01,1,1,1,1,0");
        assertThat(PriceLoader.load(good).source().synthetic()).isTrue();
    }

    @Test
    void detectsEachFormatFromItsHeader() {
        assertThat(PriceLoader.detect(write(dir, "a.csv", "date,open,high,low,close,volume"))).isEqualTo(PriceFormat.CRASHLAB_CSV);
        assertThat(PriceLoader.detect(write(dir, "b.csv", "Date,Open,High,Low,Close,Adj Close,Volume")))
                .isEqualTo(PriceFormat.YAHOO_CSV);
        assertThat(PriceLoader.detect(write(dir, "c.csv",
                "open_time,open,high,low,close,volume,close_time,quote_asset_volume,trades,taker_buy_base,taker_buy_quote,ignore")))
                .isEqualTo(PriceFormat.BINANCE_CSV);
        assertThat(PriceLoader.detect(write(dir, "d.csv", "1704067200000,1,2,0.5,1.5,10,1704153599999,15,3,1,1,0")))
                .isEqualTo(PriceFormat.BINANCE_CSV);
        assertThat(PriceLoader.detect(write(dir, "e.json", "[[1704067200000,\"1\",\"2\",\"0.5\",\"1.5\",\"10\"]]")))
                .isEqualTo(PriceFormat.BINANCE_JSON);
        assertThat(PriceLoader.detect(write(dir, "f.json", "{\"prices\":[[1704067200000,1.5]]}")))
                .isEqualTo(PriceFormat.COINGECKO_JSON);
    }

    @Test
    void refusesAnAmbiguousHeaderAskingForTheFormatInTheConfig() {
        Path file = write(dir, "BTC-USD.csv", "Zeit;Eröffnung;Schluss", "01.01.2024;1;2");

        assertThatThrownBy(() -> PriceLoader.load(file))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(file + ":1: cannot detect the price format from the header \"Zeit;Eröffnung;Schluss\"")
                .hasMessageContaining("name it in the config");
    }

    @Test
    void readsGenericCsvByColumnNamesWithDelimiterDecimalCommaAndDatePattern() {
        Path file = write(dir, "prices.csv",
                "Zeit;Schluss;Hoch;Tief;Eroeffnung;Umsatz",
                "02.01.2024;101,5;102,25;99;100;1.000",
                "03.01.2024;103;104;100,5;101,5;2");
        LoadOptions options = LoadOptions.builder()
                .instrument(SPY)
                .columns(ColumnMapping.byName("Zeit", "Eroeffnung", "Hoch", "Tief", "Schluss", "Umsatz"))
                .timeFormat(TimeFormat.parse("date:dd.MM.yyyy"))
                .delimiter(';')
                .decimalComma(true)
                .build();

        OhlcvSeries s = PriceLoader.load(file, options);

        assertThat(s.date(0)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(new double[] {s.open(0), s.high(0), s.low(0), s.close(0), s.volume(0)})
                .containsExactly(100, 102.25, 99, 101.5, 1.0);
        assertThat(s.source().format()).isEqualTo("generic-csv");
    }

    @Test
    void refusesADayTheMonthDoesNotHaveUnderADatePattern() {
        Path file = write(dir, "prices.csv", "Zeit;Schluss", "31.04.2024;101");
        LoadOptions options = LoadOptions.builder()
                .instrument(SPY)
                .columns(ColumnMapping.byName("Zeit", null, null, null, "Schluss", null))
                .timeFormat(TimeFormat.parse("date:dd.MM.yyyy"))
                .delimiter(';')
                .build();

        assertThatThrownBy(() -> PriceLoader.load(file, options))
                .hasMessage(file + ":2: field 'Zeit': expected a date (dd.MM.yyyy), got \"31.04.2024\"");
    }

    @Test
    void readsGenericCsvByIndexWithoutHeaderInEpochSecondsAndMillis() {
        Path seconds = write(dir, "s.csv", "1704067200,1,2,0.5,1.5,3", "1704153600,1.5,2,1,1.75,4");
        Path millis = write(dir, "m.csv", "1704067200000,1,2,0.5,1.5,3", "1704153600000,1.5,2,1,1.75,4");
        LoadOptions.Builder options = LoadOptions.builder().instrument(BTC).header(false)
                .columns(ColumnMapping.byIndex(0, 1, 2, 3, 4, 5));

        OhlcvSeries a = PriceLoader.load(seconds, options.timeFormat(TimeFormat.parse("epoch-seconds")).build());
        OhlcvSeries b = PriceLoader.load(millis, options.timeFormat(TimeFormat.parse("epoch-millis")).build());

        assertThat(a.time(1)).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(b.time(1)).isEqualTo(a.time(1));
        assertThat(b.close(1)).isEqualTo(1.75);
    }

    @Test
    void convertsLocalDateTimesFromTheFileZoneAndKeysDailyBarsByTheirLocalDate() {
        Path file = write(dir, "spy.csv",
                "ts,o,h,l,c,v",
                "2024-01-02 16:00,100,101,99,100.5,10",
                "2024-01-03 16:00,100.5,102,100,101,11");
        LoadOptions.Builder options = LoadOptions.builder().instrument(SPY)
                .columns(ColumnMapping.byName("ts", "o", "h", "l", "c", "v"))
                .timeFormat(TimeFormat.parse("datetime:yyyy-MM-dd HH:mm"))
                .zone(ZoneId.of("America/New_York"));

        OhlcvSeries exact = PriceLoader.load(file, options.build());
        OhlcvSeries daily = PriceLoader.load(file, options.dailyBars(true).build());

        assertThat(exact.time(0)).isEqualTo(Instant.parse("2024-01-02T21:00:00Z"));
        assertThat(daily.time(0)).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(daily.isDaily()).isTrue();
    }

    @Test
    void readsCloseOnlyGenericCsvAsFlatBars() {
        Path file = write(dir, "c.csv", "day,price", "2024-01-01,42", "2024-01-02,43");
        LoadOptions options = LoadOptions.builder().instrument(BTC)
                .columns(new ColumnMapping(ColumnMapping.Column.named("day"), null, null, null,
                        ColumnMapping.Column.named("price"), null))
                .build();

        OhlcvSeries s = PriceLoader.load(file, options);

        assertThat(new double[] {s.open(1), s.high(1), s.low(1), s.close(1), s.volume(1)}).containsExactly(43, 43, 43, 43, 0);
    }

    @Test
    void adjustsYahooPricesByAdjCloseUnlessRawIsAsked() {
        Path file = write(dir, "SPY.csv",
                "Date,Open,High,Low,Close,Adj Close,Volume",
                "2024-01-02,100,104,98,102,51,1000",
                "2024-01-03,null,null,null,null,null,null",
                "2024-01-04,102,103,100,101,50.5,900");

        OhlcvSeries adjusted = PriceLoader.load(file);
        OhlcvSeries raw = PriceLoader.load(file, LoadOptions.builder().adjusted(false).build());

        assertThat(new double[] {adjusted.open(0), adjusted.high(0), adjusted.low(0), adjusted.close(0)})
                .containsExactly(50, 52, 49, 51);
        assertThat(raw.close(0)).isEqualTo(102);
        assertThat(adjusted.size()).isEqualTo(2);
        assertThat(adjusted.source().format()).isEqualTo("yahoo-csv (adjusted)");
        assertThat(adjusted.warnings()).extracting(DataWarning::kind).contains(DataWarning.Kind.SKIPPED_ROWS);
        assertThat(adjusted.warnings().getFirst().toString())
                .isEqualTo(file + ":3: skipped_rows: 1 row with only null values skipped");
    }

    @Test
    void readsBinanceDumpsInMillisecondsMicrosecondsAndWithATextHeader() {
        Path ms = write(dir, "BTC-USDT.csv",
                "1704067200000,42283.58,44184.10,42180.77,44179.55,27174.29,1704153599999,1.17e9,1000,1,1,0",
                "1704153600000,44179.55,45879.63,44148.34,44946.91,65146.40,1704239999999,2.9e9,2000,1,1,0");
        Path micros = write(dir, "ETH-USDT.csv",
                "1735689600000000,3337.78,3466,3305,3361.84,9.9,1735775999999999,1,1,1,1,0");
        Path text = write(dir, "SOL-USDT.csv",
                "open_time,open,high,low,close,volume,close_time,quote_asset_volume,trades,taker_buy_base,taker_buy_quote,ignore",
                "2018-01-01 00:00:00+00:00,13715.65,13818.55,12750.0,13380.0,8609.9,1514851199999,1,1,1,1,0");

        assertThat(PriceLoader.load(ms).time(1)).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(PriceLoader.load(ms).close(1)).isEqualTo(44946.91);
        assertThat(PriceLoader.load(micros).time(0)).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(PriceLoader.load(text).time(0)).isEqualTo(Instant.parse("2018-01-01T00:00:00Z"));
        assertThat(PriceLoader.load(ms).source().format()).isEqualTo("binance-csv");
    }

    @Test
    void readsBinanceRestKlinesWithNumbersAsStrings() {
        Path file = write(dir, "BTC-USDT.json",
                "[[1704067200000,\"42283.58\",\"44184.10\",\"42180.77\",\"44179.55\",\"27174.29\",1704153599999,\"1\",1,\"1\",\"1\",\"0\"],",
                " [1704153600000,\"44179.55\",\"45879.63\",\"44148.34\",\"44946.91\",\"65146.40\",1704239999999,\"1\",1,\"1\",\"1\",\"0\"]]");

        OhlcvSeries s = PriceLoader.load(file);

        assertThat(s.size()).isEqualTo(2);
        assertThat(s.high(1)).isEqualTo(45879.63);
        assertThat(s.source().format()).isEqualTo("binance-json");
    }

    @Test
    void namesTheKlineAndLineOfABadBinanceValue() {
        Path file = write(dir, "BTC-USDT.json",
                "[[1704067200000,\"1\",\"2\",\"0.5\",\"1.5\",\"3\"],",
                " [1704153600000,\"1\",\"2\",\"0.5\",\"abc\",\"3\"]]");

        assertThatThrownBy(() -> PriceLoader.load(file))
                .hasMessage(file + ":2: field 'kline #1 close': expected a number, got \"abc\"");
    }

    @Test
    void readsCoinGeckoAsCloseOnlyBarsOfThePreviousDayAndDropsThePartialLastPoint() {
        Path file = write(dir, "SOL-USD.json",
                "{\"prices\":[[1704067200000,101.5],[1704153600000,105.25],[1704190000000,106.0]],",
                " \"market_caps\":[[1704067200000,1e10]],",
                " \"total_volumes\":[[1704067200000,5e8],[1704153600000,6e8]]}");

        OhlcvSeries s = PriceLoader.load(file);

        assertThat(s.size()).isEqualTo(2);
        assertThat(s.date(0)).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(new double[] {s.open(1), s.high(1), s.low(1), s.close(1), s.volume(1)})
                .containsExactly(105.25, 105.25, 105.25, 105.25, 6e8);
        assertThat(s.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(DataWarning.Kind.SKIPPED_ROWS);
            assertThat(w.message()).startsWith("1 price point not at 00:00 UTC dropped");
        });
    }

    @Test
    void refusesMalformedJsonNamingTheLine() {
        Path file = write(dir, "BTC-USDT.json", "[[1704067200000,\"1\",\"2\",\"0.5\",\"1.5\",\"3\"],", "  [oops]]");

        assertThatThrownBy(() -> PriceLoader.load(file))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(file + ":2: malformed JSON:");
    }

    @Test
    void looksUpAFileWithAnUnknownSymbolAndSaysWhatToAdd() {
        Path file = write(dir, "FOO.csv", "date,open,high,low,close,volume", "2024-01-01,1,1,1,1,0");

        assertThatThrownBy(() -> PriceLoader.load(file))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ": unknown symbol \"FOO\": crashlab cannot tell its asset class; name it in the config"
                        + " (assetClass: crypto, equity, etf, index, commodity or fx)");
    }

    @Test
    void reportsAMissingFileWithWhereItLooked() {
        Path file = dir.resolve("NOPE-USD.csv");

        assertThatThrownBy(() -> PriceLoader.load(file))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(file + ": file not found (looked for ");
    }

    @Test
    void loadsTheSameDoublesThePriceWriterWrote() {
        OhlcvSeries original = OhlcvSeries.builder(BTC)
                .add(LocalDate.of(2024, 1, 1), 0.1 + 0.2, 0.31, 0.29, 0.3, 1e-8)
                .add(LocalDate.of(2024, 1, 2), 1.0 / 3, 0.4, 0.3, 0.35, 123456789.125)
                .build();
        Path file = dir.resolve("BTC-USD.csv");

        PriceWriter.write(original, file, java.util.List.of("written by a test"));
        OhlcvSeries loaded = PriceLoader.load(file);

        for (int i = 0; i < 2; i++) {
            assertThat(loaded.timeMillis(i)).isEqualTo(original.timeMillis(i));
            assertThat(loaded.open(i)).isEqualTo(original.open(i));
            assertThat(loaded.volume(i)).isEqualTo(original.volume(i));
        }
        assertThat(dir.toFile().list()).containsExactly("BTC-USD.csv");
    }

    @Test
    void roundTripsIntradayBarsThroughTheWriterWithTimeStamps() {
        OhlcvSeries minutes = OhlcvSeries.builder(BTC)
                .add(Instant.parse("2024-01-01T10:00:00Z"), 1, 1, 1, 1, 0)
                .add(Instant.parse("2024-01-01T10:01:00Z"), 1, 2, 1, 2, 0)
                .build();
        Path file = dir.resolve("BTC-USD.csv");

        PriceWriter.write(minutes, file, java.util.List.of());

        assertThat(PriceLoader.load(file).time(1)).isEqualTo(Instant.parse("2024-01-01T10:01:00Z"));
        assertThat(PriceLoader.load(file).interval()).isEqualTo(BarInterval.MINUTE);
        assertThat(PriceLoader.load(file).close(1)).isCloseTo(2, within(0.0));
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void readsSecondStampsExactlyAsInstantParseDoes(long seed) {
        Random random = new Random(seed);
        long[] seconds = random.longs(200, 0, Instant.parse("2100-01-01T00:00:00Z").getEpochSecond()).sorted().distinct().toArray();
        String[] lines = new String[seconds.length + 1];
        lines[0] = "time,open,high,low,close,volume";
        for (int i = 0; i < seconds.length; i++) {
            lines[i + 1] = Instant.ofEpochSecond(seconds[i]) + ",1,1,1,1,0";
        }
        OhlcvSeries loaded = PriceLoader.load(write(dir, "BTC-USD.csv", lines));

        for (int i = 0; i < seconds.length; i++) {
            assertThat(loaded.time(i)).isEqualTo(Instant.ofEpochSecond(seconds[i]));
        }
    }
}

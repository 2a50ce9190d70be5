package dev.crashlab.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.DataFileException;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files loaded from their bytes ({@link FastCsvReader}, through {@link PriceLoader#load}) give the
 * very series the text reader gives ({@link PriceLoader#parse}, which never takes the fast path):
 * same times and prices bit for bit, same warnings, same source; and a file the fast reader
 * leaves alone fails with the text reader's message.
 */
class FastCsvReaderTest {

    private static final Instrument BTC = Instrument.of("BTC-USD", AssetClass.CRYPTO);

    @TempDir
    Path dir;

    /** Writes random rows in one of the formats, with the oddities plain files have: comments, CRLF, a BOM, µs stamps. */
    private static String randomFile(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int kind = random.nextInt(4);
        StringBuilder s = new StringBuilder();
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        if (random.nextInt(4) == 0) {
            s.append('\uFEFF');
        }
        if (random.nextBoolean()) {
            s.append("# ").append(random.nextBoolean() ? "SYNTHETIC data" : "from somewhere").append(newline);
        }
        switch (kind) {
            case 0 -> s.append("date,open,high,low,close,volume").append(newline);
            case 1 -> s.append("time,open,high,low,close,volume").append(newline);
            case 2 -> s.append("open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                    + "taker_buy_quote_volume,ignore").append(newline);
            default -> { } // a Binance dump without a header
        }
        double price = Math.pow(10, random.nextDouble(-4, 5));
        long day = LocalDate.of(2017, 1, 1).toEpochDay() + random.nextInt(3000);
        long millis = day * 86_400_000L;
        int rows = 1 + random.nextInt(400);
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(30) == 0) {
                s.append(random.nextBoolean() ? "" : "# a comment").append(newline);
            }
            double open = price;
            double close = price * Math.exp(random.nextGaussian() * 0.03);
            double high = Math.max(open, close) * (1 + random.nextDouble() * 0.02);
            double low = Math.min(open, close) * (1 - random.nextDouble() * 0.02);
            price = close;
            String[] values = {number(random, open), number(random, high), number(random, low), number(random, close),
                    number(random, random.nextDouble() * 1e6)};
            // Keep open and close inside the range after rounding to text.
            double o = Double.parseDouble(values[0]);
            double h = Double.parseDouble(values[1]);
            double l = Double.parseDouble(values[2]);
            double c = Double.parseDouble(values[3]);
            values[1] = number(random, Math.max(h, Math.max(o, c)));
            values[2] = number(random, Math.min(l, Math.min(o, c)));
            if (Double.parseDouble(values[1]) < Math.max(o, c) || Double.parseDouble(values[2]) > Math.min(o, c)) {
                values[1] = Double.toString(Math.max(h, Math.max(o, c)));
                values[2] = Double.toString(Math.min(l, Math.min(o, c)));
            }
            String time = switch (kind) {
                case 0 -> LocalDate.ofEpochDay(day + i).toString();
                case 1 -> Instant.ofEpochMilli(millis + i * 3_600_000L).toString();
                default -> Long.toString(random.nextBoolean() || i == 0 ? millis + i * 3_600_000L : (millis + i * 3_600_000L) * 1000);
            };
            s.append(time);
            for (String v : values) {
                s.append(',').append(v);
            }
            if (kind >= 2) {
                s.append(",").append(millis + i * 3_600_000L + 3_599_999).append(",1.5,17,0.5,0.25,0");
            }
            s.append(i + 1 < rows || random.nextBoolean() ? newline : "");
        }
        return s.toString();
    }

    /** Writes a value in one of the spellings data files use; the fixed-point ones only where they keep it above 0. */
    private static String number(SplittableRandom random, double value) {
        int spelling = random.nextInt(4);
        if (spelling == 1 && value < 0.01 || spelling == 3 && value < 1) {
            spelling = 0;
        }
        return switch (spelling) {
            case 0 -> Double.toString(value);
            case 1 -> String.format(Locale.ROOT, "%.4f", value);
            case 2 -> String.format(Locale.ROOT, "%.8e", value);
            default -> String.format(Locale.ROOT, "%.2f", value);
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
            28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40})
    void readsFromBytesTheVerySeriesTheTextReaderReads(long seed) throws Exception {
        String content = randomFile(seed);
        Path file = dir.resolve("BTC-USD.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        LoadOptions options = LoadOptions.builder().instrument(BTC).lenient(seed % 3 == 0).build();

        OhlcvSeries fast = PriceLoader.load(file, options);
        OhlcvSeries text = PriceLoader.parse(file.toString(), Files.readAllBytes(file), options);

        assertThat(fast.size()).isEqualTo(text.size());
        for (int i = 0; i < text.size(); i++) {
            assertThat(fast.bar(i)).as("bar %d", i).isEqualTo(text.bar(i));
        }
        assertThat(fast.source()).isEqualTo(text.source());
        assertThat(fast.warnings()).isEqualTo(text.warnings());
        assertThat(fast.interval()).isEqualTo(text.interval());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "date,open,high,low,close,volume\\n2024-01-01,1,2,1,1.5,0\\n2024-01-02,1,2,1,1,x\\n",
            "date,open,high,low,close,volume\\n2024-01-01,1,2,1,1.5,0\\n2024-01-02, 1,2,1,1,0\\n2024-01-02,1,2,1,1,0\\n",
            "date,open,high,low,close,volume\\n2024-01-01,1,2,1,1.5,0\\n2024-02-30,1,2,1,1,0\\n",
            "date,open,high,low,close,volume\\n2024-01-01,1,2,1,1.5,0\\n2024-01-02,1,2,1,3,0\\n",
            "date,open,high,low,close,volume\\n2024-01-01,1,2,1,1.5,0\\n2024-01-01,1,2,1,1.5,0\\n",
            "date,open,high,low,close,volume\\n2024-01-02,1,2,1,1.5,0\\n2024-01-01,1,2,1,1.5,0\\n",
            "date,open,high,low,close,volume\\n2024-01-01,1,2,1,NaN,0\\n"})
    void failsAsTheTextReaderFailsNamingLineAndField(String escaped) throws Exception {
        String content = escaped.replace("\\n", "\n");
        Path file = dir.resolve("BTC-USD.csv");
        Files.writeString(file, content);
        LoadOptions options = LoadOptions.builder().instrument(BTC).build();

        Throwable text = org.assertj.core.api.Assertions.catchThrowable(
                () -> PriceLoader.parse(file.toString(), content.getBytes(StandardCharsets.UTF_8), options));

        assertThat(text).isInstanceOf(DataFileException.class);
        assertThatThrownBy(() -> PriceLoader.load(file, options)).isInstanceOf(DataFileException.class)
                .hasMessage(text.getMessage());
    }
}

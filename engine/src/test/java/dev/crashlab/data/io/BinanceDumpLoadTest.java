package dev.crashlab.data.io;

import static dev.crashlab.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.BarInterval;
import dev.crashlab.data.DataFileException;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Symbol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Binance kline dumps as data.binance.vision publishes them: spot files without a header, in
 * milliseconds until 2024 and microseconds from 2025; futures files with a header; each as a
 * plain CSV and inside its {@code .zip}.
 */
class BinanceDumpLoadTest {

    static final String HEADER =
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";

    @TempDir
    Path dir;

    /** Returns three one-minute klines from 2025-01-01T00:00Z, open times in ms or µs. */
    static String[] klines(boolean micros, boolean header) {
        long scale = micros ? 1000 : 1;
        long t = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        String[] rows = {
            (t * scale) + ",93576.00000000,93610.93000000,93537.50000000,93567.76000000,8.21827000," + ((t + 59_999) * scale + scale - 1) + ",769017.26,1624,3.0,281000.1,0",
            ((t + 60_000) * scale) + ",93567.77000000,93650.00000000,93567.76000000,93637.02000000,14.26544000," + ((t + 119_999) * scale + scale - 1) + ",1335467.3,2090,9.0,842000.0,0",
            ((t + 120_000) * scale) + ",93637.01000000,93660.00000000,93600.00000000,93600.01000000,6.00000000," + ((t + 179_999) * scale + scale - 1) + ",561900.0,900,2.0,187000.0,0"};
        if (!header) {
            return rows;
        }
        String[] all = new String[rows.length + 1];
        all[0] = HEADER;
        System.arraycopy(rows, 0, all, 1, rows.length);
        return all;
    }

    static byte[] zip(String entry, String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private Path file(String name, boolean zipped, String... lines) throws IOException {
        if (!zipped) {
            return write(dir, name + ".csv", lines);
        }
        Path file = dir.resolve(name + ".zip");
        Files.write(file, zip(name + ".csv", lines));
        return file;
    }

    @ParameterizedTest(name = "micros={0} header={1} zip={2}")
    @CsvSource({
        "false, false, false", "false, false, true", "true, false, false", "true, false, true",
        "false, true, false", "false, true, true", "true, true, false", "true, true, true"})
    void readsEveryDumpVariantToTheSameBars(boolean micros, boolean header, boolean zipped) throws IOException {
        Path file = file("BTCUSDT-1m-2025-01", zipped, klines(micros, header));

        OhlcvSeries s = PriceLoader.load(file);

        assertThat(s.symbol()).isEqualTo(Symbol.of("BTCUSDT"));
        assertThat(s.interval()).isEqualTo(BarInterval.MINUTE);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.time(0)).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(s.time(2)).isEqualTo(Instant.parse("2025-01-01T00:02:00Z"));
        assertThat(new double[] {s.open(1), s.high(1), s.low(1), s.close(1), s.volume(1)})
                .containsExactly(93567.77, 93650.0, 93567.76, 93637.02, 14.26544);
        assertThat(s.source().format()).isEqualTo("binance-csv");
        assertThat(s.source().path()).isEqualTo(zipped ? file + "!BTCUSDT-1m-2025-01.csv" : file.toString());
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void takesTheArchivesDigestAsTheSourceDigestWhichTheChecksumFileStates() throws IOException {
        Path file = file("BTCUSDT-1m-2025-01", true, klines(true, false));

        OhlcvSeries s = PriceLoader.load(file);

        assertThat(s.source().sha256()).isEqualTo(PriceLoader.sha256(Files.readAllBytes(file)));
    }

    @Test
    void readsADailyDumpNamedWithItsDate() throws IOException {
        Path file = file("ETHUSDT-5m-2025-10-10", true, klines(true, false));

        assertThat(PriceLoader.load(file).symbol()).isEqualTo(Symbol.of("ETHUSDT"));
    }

    @Test
    void namesTheArchiveTheEntryTheLineAndTheFieldOfABadValueInsideAZip() throws IOException {
        String[] lines = klines(false, true);
        lines[2] = lines[2].replace(",93650.00000000,", ",93650.0x,");
        Path file = file("BTCUSDT-1m-2025-01", true, lines);

        assertThatThrownBy(() -> PriceLoader.load(file))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(file + "!BTCUSDT-1m-2025-01.csv:3: field 'high'")
                .hasMessageContaining("93650.0x");
    }

    @Test
    void refusesACorruptZipNamingTheArchive() throws IOException {
        byte[] good = zip("BTCUSDT-1m-2025-01.csv", klines(true, false));
        // Flip bytes inside the compressed data: the entry's CRC no longer matches.
        byte[] bad = good.clone();
        for (int i = 60; i < 70; i++) {
            bad[i] ^= 0x5A;
        }
        Path file = dir.resolve("BTCUSDT-1m-2025-01.zip");
        Files.write(file, bad);

        assertThatThrownBy(() -> PriceLoader.load(file))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(file + ": corrupt zip archive")
                .hasMessageContaining("download it again");
    }

    @Test
    void refusesATruncatedZipAndAFileThatIsNoZipAtAll() throws IOException {
        byte[] good = zip("BTCUSDT-1m-2025-01.csv", klines(true, false));
        Path truncated = dir.resolve("BTCUSDT-1m-2025-02.zip");
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        Path text = dir.resolve("BTCUSDT-1m-2025-03.zip");
        Files.writeString(text, "<html>404 Not Found</html>");

        assertThatThrownBy(() -> PriceLoader.load(truncated))
                .isInstanceOf(DataFileException.class).hasMessageStartingWith(truncated + ": corrupt zip archive");
        assertThatThrownBy(() -> PriceLoader.load(text))
                .isInstanceOf(DataFileException.class).hasMessageStartingWith(text + ": not a zip archive");
    }

    @Test
    void refusesAnArchiveOfTwoFiles() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : new String[] {"a.csv", "b.csv"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(String.join("\n", klines(true, false)).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path file = dir.resolve("BTCUSDT-1m-2025-01.zip");
        Files.write(file, bytes.toByteArray());

        assertThatThrownBy(() -> PriceLoader.load(file))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ": expected one file in the archive, found a.csv and b.csv");
    }
}

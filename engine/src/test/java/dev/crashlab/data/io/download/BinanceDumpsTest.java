package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.PriceLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BinanceDumps} against a loopback server laid out as data.binance.vision is. */
class BinanceDumpsTest {

    private static final String SPOT = "/data/spot/monthly/klines/BTCUSDT/1h/";

    @TempDir
    Path base;

    private final FakeTime time = new FakeTime("2025-06-01T08:00:00Z");
    private final Map<String, LocalHttpServer.Reply> site = new HashMap<>();

    /** Returns a month of hourly klines from the 1st (only its first day, 24 bars), times in µs from 2025 on as Binance writes them. */
    static byte[] monthArchive(YearMonth month) {
        StringBuilder csv = new StringBuilder();
        long start = month.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        long scale = month.getYear() >= 2025 ? 1000 : 1;
        for (int h = 0; h < 24; h++) {
            long t = start + h * 3_600_000L;
            double open = 100 + h;
            csv.append(t * scale).append(',').append(open).append(',').append(open + 2).append(',').append(open - 1)
                    .append(',').append(open + 1).append(",1.5,").append((t + 3_599_999) * scale).append(",150,10,0.7,70,0\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("BTCUSDT-1h-" + month + ".csv"));
            zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private void publish(YearMonth month, byte[] archive, String checksum) {
        String name = "BTCUSDT-1h-" + month + ".zip";
        site.put(SPOT + name, new LocalHttpServer.Reply(200, Map.of(), archive));
        site.put(SPOT + name + ".CHECKSUM", LocalHttpServer.Reply.ok(checksum + "  " + name + "\n"));
    }

    private void publish(YearMonth month) {
        byte[] archive = monthArchive(month);
        publish(month, archive, sha256(archive));
    }

    private LocalHttpServer server() {
        return LocalHttpServer.start(time, request -> site.getOrDefault(request.uri().getPath(),
                LocalHttpServer.Reply.status(404, "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code></Error>")));
    }

    private BinanceDumps dumps(LocalHttpServer server) {
        return new BinanceDumps(DownloadOptions.builder(base).baseUri(server.baseUri()).clock(time).sleeper(time)
                .maxAttempts(1).build());
    }

    private List<Path> cachedFiles() {
        Path folder = base.resolve("data/cache");
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void downloadsEachMonthAndItsChecksumIntoTheCacheInBinancesLayout() {
        publish(YearMonth.of(2024, 12));
        publish(YearMonth.of(2025, 1));
        try (LocalHttpServer server = server()) {
            List<BinanceDumps.Month> months = dumps(server).fetch(BinanceDumps.Market.SPOT, "BTCUSDT", "1h",
                    YearMonth.of(2024, 12), YearMonth.of(2025, 1), false);

            assertThat(months).extracting(BinanceDumps.Month::bars).containsExactly(24, 24);
            assertThat(months).allMatch(BinanceDumps.Month::downloaded);
            Path january = base.resolve("data/cache/binance-vision/data/spot/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2025-01.zip");
            assertThat(months.get(1).file()).isEqualTo(january);
            assertThat(january.resolveSibling("BTCUSDT-1h-2025-01.zip.CHECKSUM")).exists();
            assertThat(server.requests()).extracting(r -> r.uri().getPath()).containsExactly(
                    SPOT + "BTCUSDT-1h-2024-12.zip.CHECKSUM", SPOT + "BTCUSDT-1h-2024-12.zip",
                    SPOT + "BTCUSDT-1h-2025-01.zip.CHECKSUM", SPOT + "BTCUSDT-1h-2025-01.zip");

            // The cached archive is Binance's own bytes: the loader reads it (µs open times inside).
            OhlcvSeries bars = PriceLoader.load(january);
            assertThat(bars.time(23)).isEqualTo(Instant.parse("2025-01-01T23:00:00Z"));
            assertThat(bars.close(23)).isEqualTo(124);
        }
    }

    @Test
    void servesCachedMonthsWithoutTheNetworkUnlessRefreshed() {
        publish(YearMonth.of(2024, 12));
        try (LocalHttpServer server = server()) {
            BinanceDumps dumps = dumps(server);
            dumps.fetch(BinanceDumps.Market.SPOT, "BTCUSDT", "1h", YearMonth.of(2024, 12), YearMonth.of(2024, 12), false);

            List<BinanceDumps.Month> again = dumps.fetch(BinanceDumps.Market.SPOT, "BTCUSDT", "1h",
                    YearMonth.of(2024, 12), YearMonth.of(2024, 12), false);
            assertThat(again).singleElement().satisfies(m -> assertThat(m.downloaded()).isFalse());
            assertThat(server.requests()).hasSize(2);

            dumps.fetch(BinanceDumps.Market.SPOT, "BTCUSDT", "1h", YearMonth.of(2024, 12), YearMonth.of(2024, 12), true);
            assertThat(server.requests()).hasSize(4);
        }
    }

    @Test
    void refusesAnArchiveThatDoesNotMatchItsChecksumAndWritesNothing() {
        byte[] archive = monthArchive(YearMonth.of(2025, 1));
        byte[] tampered = archive.clone();
        tampered[tampered.length / 2] ^= 0x01;
        publish(YearMonth.of(2025, 1), tampered, sha256(archive));
        try (LocalHttpServer server = server()) {
            assertThatThrownBy(() -> dumps(server).fetch(BinanceDumps.Market.SPOT, "BTCUSDT", "1h",
                    YearMonth.of(2025, 1), YearMonth.of(2025, 1), false))
                    .isInstanceOfSatisfying(DownloadException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DownloadException.Reason.CORRUPT);
                        assertThat(e.url()).endsWith(SPOT + "BTCUSDT-1h-2025-01.zip");
                    })
                    .hasMessageContaining("checksum mismatch for " + server.baseUri() + SPOT + "BTCUSDT-1h-2025-01.zip")
                    .hasMessageContaining("says " + sha256(archive))
                    .hasMessageContaining("nothing was written");
        }
        assertThat(cachedFiles()).isEmpty();
    }

    @Test
    void refusesACorruptArchiveEvenWhenItsChecksumMatchesAndWritesNothing() {
        byte[] archive = monthArchive(YearMonth.of(2025, 1));
        byte[] corrupt = archive.clone();
        for (int i = 60; i < 70; i++) {
            corrupt[i] ^= 0x5A;
        }
        publish(YearMonth.of(2025, 1), corrupt, sha256(corrupt));
        try (LocalHttpServer server = server()) {
            assertThatThrownBy(() -> dumps(server).fetch(BinanceDumps.Market.SPOT, "BTCUSDT", "1h",
                    YearMonth.of(2025, 1), YearMonth.of(2025, 1), false))
                    .isInstanceOf(DataFileException.class)
                    .hasMessageStartingWith(server.baseUri() + SPOT + "BTCUSDT-1h-2025-01.zip: corrupt zip archive");
        }
        assertThat(cachedFiles()).isEmpty();
    }

    @Test
    void keepsTheMonthsVerifiedBeforeAFailureAndNoFileOfTheFailedOne() {
        publish(YearMonth.of(2024, 12));
        byte[] archive = monthArchive(YearMonth.of(2025, 1));
        publish(YearMonth.of(2025, 1), archive, "0".repeat(64));
        try (LocalHttpServer server = server()) {
            assertThatThrownBy(() -> dumps(server).fetch(BinanceDumps.Market.SPOT, "BTCUSDT", "1h",
                    YearMonth.of(2024, 12), YearMonth.of(2025, 1), false)).isInstanceOf(DownloadException.class);
        }
        assertThat(cachedFiles()).extracting(p -> p.getFileName().toString())
                .containsExactly("BTCUSDT-1h-2024-12.zip", "BTCUSDT-1h-2024-12.zip.CHECKSUM");
    }

    @Test
    void saysWhenBinanceHasNoSuchDump() {
        try (LocalHttpServer server = server()) {
            assertThatThrownBy(() -> dumps(server).fetch(BinanceDumps.Market.SPOT, "BTCUSDT", "1h",
                    YearMonth.of(2025, 5), YearMonth.of(2025, 5), false))
                    .isInstanceOfSatisfying(DownloadException.class,
                            e -> assertThat(e.reason()).isEqualTo(DownloadException.Reason.NO_DATA))
                    .hasMessage("no Binance dump at " + server.baseUri() + SPOT + "BTCUSDT-1h-2025-05.zip.CHECKSUM"
                            + " (HTTP 404): check the symbol and interval; a month's archive is published only after the"
                            + " month ends");
        }
    }

    @Test
    void refusesSymbolsAndIntervalsBinanceDoesNotSpell() {
        BinanceDumps dumps = new BinanceDumps(DownloadOptions.builder(base).build());

        assertThatThrownBy(() -> dumps.fetch(BinanceDumps.Market.SPOT, "BTC-USDT", "1h", YearMonth.of(2025, 1),
                YearMonth.of(2025, 1), false)).hasMessageContaining("expected Binance's spelling, such as BTCUSDT");
        assertThatThrownBy(() -> dumps.fetch(BinanceDumps.Market.SPOT, "BTCUSDT", "7m", YearMonth.of(2025, 1),
                YearMonth.of(2025, 1), false)).hasMessageContaining("expected one of 1s, 1m, 3m, 5m");
        assertThat(BinanceDumps.path(BinanceDumps.Market.FUTURES_UM, "BTCUSDT", "5m", YearMonth.of(2020, 3)))
                .isEqualTo("data/futures/um/monthly/klines/BTCUSDT/5m/BTCUSDT-5m-2020-03.zip");
    }
}

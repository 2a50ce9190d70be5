package dev.crashlab.benchmarks;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Symbol;
import dev.crashlab.data.TradingCalendar;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * The files beside a checkout that benchmarks read: the real history of {@code shared/data} and
 * the bench data of {@code shared/bench} (its {@code make_bars.py}, run once with python3).
 *
 * <p>{@code shared/data} is looked for at the system property {@value #SHARED_DATA_PROPERTY},
 * then the environment variable {@code CRASHLAB_SHARED_DATA}, then {@code shared/data} in the
 * working directory or up to three levels above it; {@code shared/bench} is its sibling. JMH
 * forks, so pass the property with {@code -jvmArgsAppend}. A benchmark whose files are missing
 * fails its setup with a message saying where it looked, and the others run.
 */
final class SharedFiles {

    /** The system property naming the shared data folder. */
    static final String SHARED_DATA_PROPERTY = "crashlab.sharedData";

    /** The symbol of the bench data's instrument. */
    static final String BENCH = "BENCH";

    /** The number of bench bars, and the seed they are made from (the bench README's reference run). */
    static final int BENCH_BARS = 1_000_000;
    static final long BENCH_SEED = 42;

    /** The SHA-256 of {@code make_bars.py 1000000 42}'s output, as the bench README gives it. */
    static final String BENCH_SHA256 = "a43d08513b1d1ef7d46922f01d2ddae0eb8f19148ae723134d3229cab3bce81a";

    private SharedFiles() {
    }

    /** Returns the shared data folder holding {@code BTC-USD.csv}, or null when none is found. */
    static Path dataFolder() {
        for (String named : new String[] {System.getProperty(SHARED_DATA_PROPERTY), System.getenv("CRASHLAB_SHARED_DATA")}) {
            if (named != null && Files.isRegularFile(Path.of(named, "BTC-USD.csv"))) {
                return Path.of(named);
            }
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isRegularFile(candidate.resolve("BTC-USD.csv"))) {
                return candidate;
            }
        }
        return null;
    }

    /** Returns the shared data folder, or fails {@code benchmark}'s setup saying where it looked. */
    static Path requireDataFolder(String benchmark) {
        Path folder = dataFolder();
        if (folder == null) {
            throw skipped(benchmark, "../shared/data/BTC-USD.csv not found (looked from " + Path.of("").toAbsolutePath()
                    + "); pass -D" + SHARED_DATA_PROPERTY + "=/path/to/shared/data or set CRASHLAB_SHARED_DATA");
        }
        return folder;
    }

    /**
     * Returns the {@value #BENCH_BARS} bench bars of seed {@value #BENCH_SEED}: consecutive
     * weekdays from 2000-01-03, an equity on a weekday calendar without holidays. The file is
     * made once by {@code python3 make_bars.py} into {@code java.io.tmpdir/crashlab-bench} and
     * checked against the bench README's SHA-256.
     */
    static OhlcvSeries benchBars(String benchmark) {
        Path script = requireDataFolder(benchmark).getParent().resolve("bench").resolve("make_bars.py");
        if (!Files.isRegularFile(script)) {
            throw skipped(benchmark, script + " not found");
        }
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "crashlab-bench", "bars-" + BENCH_BARS + "-" + BENCH_SEED + ".csv");
        try {
            if (!Files.isRegularFile(out) || !sha256(out).equals(BENCH_SHA256)) {
                Files.createDirectories(out.getParent());
                Path partial = Files.createTempFile(out.getParent(), "bars", ".part");
                Process p = new ProcessBuilder("python3", script.toString(), Integer.toString(BENCH_BARS),
                        Long.toString(BENCH_SEED), partial.toString()).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw skipped(benchmark, "python3 " + script + " failed: " + output);
                }
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            String actual = sha256(out);
            if (!actual.equals(BENCH_SHA256)) {
                throw new IllegalStateException(out + ": SHA-256 " + actual + ", the bench README says " + BENCH_SHA256);
            }
        } catch (IOException e) {
            throw skipped(benchmark, "cannot make the bench data with python3 " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Instrument instrument = new Instrument(Symbol.of(BENCH), AssetClass.EQUITY, "USD",
                TradingCalendar.weekdays("WEEKDAYS", ZoneOffset.UTC, 0));
        return PriceLoader.load(out, LoadOptions.builder().instrument(instrument).build());
    }

    private static IllegalStateException skipped(String benchmark, String reason) {
        String message = "SKIPPED " + benchmark + ": " + reason;
        System.out.println(message);
        return new IllegalStateException(message);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

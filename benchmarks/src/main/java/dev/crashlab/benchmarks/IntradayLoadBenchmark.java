package dev.crashlab.benchmarks;

import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceLoader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ten years of one-minute bars, {@value #BARS} of them, loaded three ways: parsed from CSV
 * ({@code csv}: the first load, strict checks and SHA-256 included, no cache), mapped back from
 * the binary bar cache ({@code cache}: the source's digest taken from the stamp, as on every load
 * after the first), and from the cache after rehashing the source ({@code cacheRehashing}: the
 * load after the source was touched). Scores are milliseconds per load; with {@code -prof gc},
 * {@code gc.alloc.rate.norm} divided by {@value #BARS} is the allocation per bar.
 *
 * <p>The setup writes the random walk of {@link RandomWalk} (seed {@value RandomWalk#SEED}) as a
 * file of the {@code format} parameter: {@code crashlab}, the {@code time,open,...} CSV of
 * {@code ../shared/data/intraday}, or {@code binance}, a spot kline dump as data.binance.vision
 * publishes it (no header, open time in microseconds, twelve columns); prices with eight
 * decimals as Binance writes them. The cache is built once in the setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class IntradayLoadBenchmark {

    /** Ten years of one-minute bars: 3,652.5 days × 1,440, rounded. */
    public static final int BARS = 5_300_000;

    /** The file format written and read. */
    @Param({"crashlab", "binance"})
    public String format;

    private Path folder;
    private Path file;
    private Path cache;
    private LoadOptions parse;
    private LoadOptions cached;

    /** Writes the file and builds its cache. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("crashlab-intraday-benchmark");
        file = folder.resolve(RandomWalk.SYMBOL + ".csv");
        write(RandomWalk.generate(BARS, RandomWalk.SEED), file, format.equals("binance"));
        cache = folder.resolve("cache");
        parse = LoadOptions.builder().instrument(RandomWalk.instrument()).build();
        cached = parse.toBuilder().cacheFolder(cache).build();
        OhlcvSeries first = PriceLoader.load(file, cached);
        if (first.size() != BARS) {
            throw new IllegalStateException("expected " + BARS + " bars, loaded " + first.size());
        }
        System.out.printf("%n%s: %,d bytes, %,d bars; cache %,d bytes%n", file, Files.size(file), first.size(),
                Files.size(cache.resolve(first.source().sha256() + ".bars")));
    }

    /** Removes the temporary folder. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Parses the CSV file: the first load. */
    @Benchmark
    public OhlcvSeries csv() {
        return PriceLoader.load(file, parse);
    }

    /** Maps the bars back from the cache, the digest read from the stamp. */
    @Benchmark
    public OhlcvSeries cache() {
        return PriceLoader.load(file, cached);
    }

    /** Rehashes the source (its stamp removed, as after a touch), then maps the bars back from the cache. */
    @Benchmark
    public OhlcvSeries cacheRehashing() throws IOException {
        try (Stream<Path> stamps = Files.list(cache)) {
            for (Path stamp : stamps.filter(p -> p.toString().endsWith(".stamp")).toList()) {
                Files.delete(stamp);
            }
        }
        return PriceLoader.load(file, cached);
    }

    /** Writes the walk as crashlab's intraday CSV or as a Binance spot dump, prices with eight decimals. */
    static void write(RandomWalk walk, Path file, boolean binance) throws IOException {
        StringBuilder line = new StringBuilder(160);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            if (!binance) {
                out.write("time,open,high,low,close,volume\n");
            }
            for (int i = 0; i < walk.size(); i++) {
                line.setLength(0);
                long t = walk.times()[i];
                if (binance) {
                    line.append(t * 1000);
                } else {
                    line.append(Instant.ofEpochMilli(t));
                }
                decimal(line.append(','), walk.open()[i]);
                decimal(line.append(','), walk.high()[i]);
                decimal(line.append(','), walk.low()[i]);
                decimal(line.append(','), walk.close()[i]);
                decimal(line.append(','), walk.volume()[i]);
                if (binance) {
                    line.append(',').append(t * 1000 + 59_999_999L).append(",1000.5,42,0.5,500.25,0");
                }
                out.append(line).append('\n');
            }
        }
    }

    /** Appends {@code value} with exactly eight decimals, as Binance writes prices; rounding keeps low ≤ open, close ≤ high. */
    private static void decimal(StringBuilder out, double value) {
        long scaled = Math.round(value * 1e8);
        out.append(scaled / 100_000_000L).append('.');
        String fraction = Long.toString(scaled % 100_000_000L);
        out.append("00000000", 0, 8 - fraction.length()).append(fraction);
    }
}

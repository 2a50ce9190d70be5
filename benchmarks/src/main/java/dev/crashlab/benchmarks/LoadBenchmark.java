package dev.crashlab.benchmarks;

import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.data.io.PriceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to load a price file with {@link PriceLoader}, strict checks and SHA-256 included: the
 * shared {@code BTC-USD.csv} (daily bars since 2014) and a generated file of
 * {@value SmaCrossBenchmark#BARS} one-minute bars written by {@link PriceWriter}. Scores are
 * milliseconds per load.
 *
 * <p>The shared file is looked for at the system property {@value #SHARED_DATA_PROPERTY}, then
 * the environment variable {@code CRASHLAB_SHARED_DATA}, then {@code shared/data} in the working
 * directory or up to three levels above it (a checkout sits beside {@code shared/}); JMH forks,
 * so pass the property with {@code -jvmArgsAppend}. When the file is not found, that benchmark
 * fails its setup with a message saying so, and the others run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class LoadBenchmark {

    /** The system property naming the shared data folder. */
    public static final String SHARED_DATA_PROPERTY = "crashlab.sharedData";

    /** The shared {@code BTC-USD.csv}. */
    @State(Scope.Benchmark)
    public static class SharedFile {
        Path file;

        /** Finds the file, or fails this benchmark's setup saying where it looked. */
        @Setup
        public void setUp() {
            Path folder = sharedData();
            if (folder == null) {
                String reason = "SKIPPED loadSharedBtc: ../shared/data/BTC-USD.csv not found (looked from "
                        + Path.of("").toAbsolutePath() + "); pass -D" + SHARED_DATA_PROPERTY
                        + "=/path/to/shared/data or set CRASHLAB_SHARED_DATA";
                System.out.println(reason);
                throw new IllegalStateException(reason);
            }
            file = folder.resolve("BTC-USD.csv");
        }
    }

    /** A generated file of one-minute bars, in a temporary folder removed after the trial. */
    @State(Scope.Benchmark)
    public static class GeneratedFile {
        Path folder;
        Path file;
        LoadOptions options;

        /** Writes the random walk with {@link PriceWriter}. */
        @Setup
        public void setUp() throws IOException {
            folder = Files.createTempDirectory("crashlab-load-benchmark");
            file = folder.resolve(RandomWalk.SYMBOL + ".csv");
            PriceWriter.write(RandomWalk.generate(SmaCrossBenchmark.BARS, SmaCrossBenchmark.SEED).toSeries(), file,
                    List.of("synthetic random walk for LoadBenchmark"));
            // The symbol is not in the instrument catalog: name the instrument.
            options = LoadOptions.builder().instrument(RandomWalk.instrument()).build();
            System.out.printf("%ngenerated %s: %,d bytes%n", file, Files.size(file));
        }

        /** Removes the temporary folder. */
        @TearDown
        public void tearDown() throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(folder);
        }
    }

    /** Loads the shared {@code BTC-USD.csv}. */
    @Benchmark
    public OhlcvSeries loadSharedBtc(SharedFile shared) {
        return PriceLoader.load(shared.file);
    }

    /** Loads the generated file of {@value SmaCrossBenchmark#BARS} one-minute bars. */
    @Benchmark
    public OhlcvSeries loadGenerated(GeneratedFile generated) {
        return PriceLoader.load(generated.file, generated.options);
    }

    /** Returns the shared data folder holding {@code BTC-USD.csv}, or null when none is found. */
    static Path sharedData() {
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
}

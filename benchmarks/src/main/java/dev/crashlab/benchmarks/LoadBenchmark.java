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
 * {@value RandomWalk#BARS} one-minute bars written by {@link PriceWriter}. Scores are
 * milliseconds per load.
 *
 * <p>The shared file is found as {@link SharedFiles} says; when it is missing, that benchmark
 * fails its setup with a message saying so, and the others run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class LoadBenchmark {

    /** The shared {@code BTC-USD.csv}. */
    @State(Scope.Benchmark)
    public static class SharedFile {
        Path file;

        /** Finds the file, or fails this benchmark's setup saying where it looked. */
        @Setup
        public void setUp() {
            file = SharedFiles.requireDataFolder("loadSharedBtc").resolve("BTC-USD.csv");
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
            PriceWriter.write(RandomWalk.generate(RandomWalk.BARS, RandomWalk.SEED).toSeries(), file,
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

    /** Loads the generated file of {@value RandomWalk#BARS} one-minute bars. */
    @Benchmark
    public OhlcvSeries loadGenerated(GeneratedFile generated) {
        return PriceLoader.load(generated.file, generated.options);
    }
}

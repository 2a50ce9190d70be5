package dev.crashlab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.jobs.JobLog;
import dev.crashlab.jobs.LocalExecutor;
import dev.crashlab.jobs.Shard;
import dev.crashlab.jobs.StressJob;
import dev.crashlab.jobs.SweepJob;
import dev.crashlab.jobs.WalkForwardJob;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.StressSet;
import dev.crashlab.testing.SharedData;
import dev.crashlab.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sweep, stress set and walk-forward run by the local executor and by Spark
 * {@code local[2]} (the plan and its data broadcast, the units run in Spark tasks) give equal
 * records and the same files to the byte; a shard run on Spark and one run locally merge into the
 * same output too.
 */
class SparkExecutorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    /** Nothing leaves 127.0.0.1, and no web UI is started. */
    static final Map<String, String> LOOPBACK = Map.of("spark.driver.bindAddress", "127.0.0.1", "spark.driver.host",
            "127.0.0.1", "spark.ui.enabled", "false");

    private static SparkExecutor spark;

    @TempDir
    Path dir;

    private final JobLog log = JobLog.console();

    @BeforeAll
    static void startSpark() {
        spark = SparkExecutor.start("local[2]", LOOPBACK, SparkExecutorTest.class.getClassLoader());
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    /**
     * A benchmarked DCA on BTC and ETH (3 files shipped to the executors) with a 12-variant sweep,
     * 2 × 8 stress paths and a walk-forward of the sweep's grid over 6-month segments.
     */
    static Path config(Path dir) {
        Path data = SharedData.folder().toAbsolutePath();
        return TestFiles.write(dir, "crashlab.yaml",
                "data:",
                "  prices:",
                "    BTC-USD: {file: '" + data.resolve("BTC-USD.csv") + "'}",
                "    ETH-USD: {file: '" + data.resolve("ETH-USD.csv") + "'}",
                "start: 2020-01-01",
                "end: 2024-06-30",
                "initialCash: 5000",
                "contributions: {amount: 50, period: weekly}",
                "costs: {feeRate: 0.001, slippageBps: 5}",
                "benchmark: BTC-USD",
                "name: dca",
                "strategy: {class: DcaOnDrawdown, params: {amount: 50}}",
                "sweep:",
                "  metric: calmar",
                "  params:",
                "    threshold: [0.1, 0.25, 0.4, 0.55]",
                "    lookbackDays: [0, 90, 365]",
                "stress: {paths: 8, seed: 7, method: both}",
                "walkforward: {mode: rolling, inSample: 1y, outOfSample: 6m}");
    }

    @Test
    void aSweepOnSparkEqualsTheLocalSweepToTheByte() {
        CrashlabConfig config = ConfigLoader.load(config(dir));

        SweepJob.Outcome local = SweepJob.run(config, dir.resolve("local"), loader(), 2, CLOCK, log);
        SweepJob.Outcome onSpark = SweepJob.run(config, dir.resolve("spark"), loader(), spark, CLOCK, log);

        assertThat(onSpark.outcomes()).hasSize(12).isEqualTo(local.outcomes());
        assertThat(onSpark.sweep()).isEqualTo(local.sweep());
        assertThat(TestFiles.contents(dir.resolve("spark/sweep-dca"))).isEqualTo(TestFiles.contents(dir.resolve("local/sweep-dca")))
                .containsKeys("sweep.json", "variants.csv", "sweep.html", "best/results.json", "best/report.html");
    }

    @Test
    void stressPathsOnSparkEqualTheLocalPathsToTheByte() {
        CrashlabConfig config = ConfigLoader.load(config(dir));

        StressJob.Outcome local = StressJob.run(config, dir.resolve("local"), loader(), Set.of(), 2, CLOCK, log);
        StressJob.Outcome onSpark = StressJob.run(config, dir.resolve("spark"), loader(), Set.of(), spark, CLOCK, log);

        StressResults results = onSpark.runs().getFirst().results();
        assertThat(results.sets()).extracting(StressSet::method).containsExactly("bootstrap", "crisis-replay");
        assertThat(results.allPaths()).hasSize(16);
        assertThat(results).isEqualTo(local.runs().getFirst().results());
        assertThat(TestFiles.contents(dir.resolve("spark/stress-dca"))).isEqualTo(TestFiles.contents(dir.resolve("local/stress-dca")))
                .containsKeys("stress.json", "stress.html");
    }

    @Test
    void aWalkForwardOnSparkEqualsTheLocalWalkForwardToTheByte() {
        CrashlabConfig config = ConfigLoader.load(config(dir));

        WalkForwardJob.Outcome local = WalkForwardJob.run(config, dir.resolve("local"), loader(), 2, CLOCK, log);
        WalkForwardJob.Outcome onSpark = WalkForwardJob.run(config, dir.resolve("spark"), loader(), spark, CLOCK, log);

        assertThat(onSpark.results().folds()).hasSizeGreaterThan(4);
        assertThat(onSpark.results()).isEqualTo(local.results());
        assertThat(TestFiles.contents(dir.resolve("spark/walkforward-dca")))
                .isEqualTo(TestFiles.contents(dir.resolve("local/walkforward-dca"))).containsKeys("walkforward.json");
    }

    @Test
    void aShardRunOnSparkMergesWithAShardRunLocally() {
        CrashlabConfig config = ConfigLoader.load(config(dir));
        SweepJob.Outcome whole = SweepJob.run(config, dir.resolve("whole"), loader(), 2, CLOCK, log);

        SweepJob.runShard(config, dir.resolve("sharded"), loader(), spark, new Shard(1, 2), CLOCK, log);
        try (LocalExecutor local = new LocalExecutor(2, loader())) {
            SweepJob.runShard(config, dir.resolve("sharded"), loader(), local, new Shard(2, 2), CLOCK, log);
        }
        SweepJob.Outcome merged = SweepJob.merge(config, dir.resolve("sharded"), loader(),
                SweepJob.partsFolder(config, dir.resolve("sharded")), log);

        assertThat(merged.outcomes()).isEqualTo(whole.outcomes());
        Map<String, String> sharded = TestFiles.contents(dir.resolve("sharded/sweep-dca"));
        sharded.keySet().removeIf(f -> f.startsWith("parts/"));
        assertThat(sharded).isEqualTo(TestFiles.contents(dir.resolve("whole/sweep-dca")));
    }

    private ClassLoader loader() {
        return getClass().getClassLoader();
    }
}

package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.testing.SharedData;
import dev.crashlab.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep gives the same output to the byte whatever runs its variants: one thread or several,
 * or three shards run apart and merged; merging refuses missing, overlapping and foreign parts
 * by file name.
 */
class ShardedSweepTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final CollectedLog log = new CollectedLog();
    private Path configFile;
    private CrashlabConfig config;

    @BeforeEach
    void writeConfig() {
        configFile = sweepConfig("sweep.yaml", "{amount: 100}");
        config = ConfigLoader.load(configFile);
    }

    /** A 14-variant DCA sweep on the real BTC history (two axes, so that shards cut across both). */
    private Path sweepConfig(String name, String params) {
        Path btc = SharedData.file("BTC-USD.csv").toAbsolutePath();
        return TestFiles.write(dir, name,
                "data: {prices: {BTC-USD: {file: '" + btc + "'}}}",
                "start: 2019-01-01",
                "end: 2024-12-31",
                "initialCash: 1000",
                "contributions: {amount: 100, period: weekly}",
                "costs: {feeRate: 0.001}",
                "benchmark: BTC-USD",
                "name: dca",
                "strategy: {class: DcaOnDrawdown, params: " + params + "}",
                "sweep:",
                "  metric: sharpe",
                "  params:",
                "    threshold: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]",
                "    lookbackDays: [0, 365]");
    }

    @Test
    void oneThreadAndThreeThreadsWriteTheSameBytes() {
        SweepJob.Outcome one = SweepJob.run(config, dir.resolve("one"), loader(), 1, CLOCK, log);
        SweepJob.Outcome three = SweepJob.run(config, dir.resolve("three"), loader(), 3, CLOCK, log);

        assertThat(one.outcomes()).isEqualTo(three.outcomes());
        assertThat(TestFiles.contents(dir.resolve("three/sweep-dca"))).isEqualTo(TestFiles.contents(dir.resolve("one/sweep-dca")))
                .containsKeys("sweep.json", "variants.csv", "sweep.html", "best/results.json", "best/report.html");
    }

    @Test
    void threeShardsMergedEqualTheUnshardedSweepToTheByte() {
        SweepJob.Outcome whole = SweepJob.run(config, dir.resolve("whole"), loader(), 2, CLOCK, log);
        Path parts = runShards(dir.resolve("sharded"), 3);

        SweepJob.Outcome merged = SweepJob.merge(config, dir.resolve("sharded"), loader(), parts, log);

        assertThat(merged.outcomes()).isEqualTo(whole.outcomes());
        assertThat(merged.best()).isEqualTo(whole.best());
        Map<String, String> sharded = TestFiles.contents(dir.resolve("sharded/sweep-dca"));
        assertThat(sharded.keySet()).contains("parts/part-1-of-3.json", "parts/part-2-of-3.json", "parts/part-3-of-3.json");
        sharded.keySet().removeIf(f -> f.startsWith("parts/"));
        // sweep.json holds the selection statistics, which need every variant's period returns: the parts carry them
        assertThat(sharded).isEqualTo(TestFiles.contents(dir.resolve("whole/sweep-dca"))).containsKey("sweep.json");
    }

    @Test
    void aShardRunsEveryThirdVariant() {
        try (LocalExecutor executor = new LocalExecutor(2, loader())) {
            SweepJob.runShard(config, dir.resolve("s"), loader(), executor, new Shard(2, 3), CLOCK, log);
        }
        SweepParts.Part part = SweepParts.read(dir.resolve("s/sweep-dca/parts/part-2-of-3.json"));
        assertThat(part.outcomes()).extracting(o -> o.index()).containsExactly(1, 4, 7, 10, 13);
        assertThat(part.shard()).isEqualTo(new Shard(2, 3));
    }

    @Test
    void aMissingPartIsNamed() throws IOException {
        Path parts = runShards(dir.resolve("out"), 3);
        Files.delete(parts.resolve("part-2-of-3.json"));

        assertThatThrownBy(() -> SweepJob.merge(config, dir.resolve("out"), loader(), parts, log))
                .hasMessageContaining("missing 1 of 3 sweep parts in " + parts + ": part-2-of-3.json")
                .hasMessageContaining("found part-1-of-3.json, part-3-of-3.json");
    }

    @Test
    void partsOfTwoShardingsOverlap() {
        Path parts = runShards(dir.resolve("out"), 3);
        try (LocalExecutor executor = new LocalExecutor(1, loader())) {
            SweepJob.runShard(config, dir.resolve("out"), loader(), executor, new Shard(1, 2), CLOCK, log);
        }

        assertThatThrownBy(() -> SweepJob.merge(config, dir.resolve("out"), loader(), parts, log))
                .hasMessageContaining(parts.resolve("part-1-of-3.json") + " is shard 1/3, but " + parts.resolve("part-1-of-2.json")
                        + " is a shard of 2: the parts overlap");
    }

    @Test
    void aPartOfAnotherConfigIsRefusedByName() {
        Path parts = runShards(dir.resolve("out"), 2);
        CrashlabConfig changed = ConfigLoader.load(sweepConfig("sweep.yaml", "{amount: 50}"));

        assertThatThrownBy(() -> SweepJob.merge(changed, dir.resolve("out"), loader(), parts, log))
                .hasMessageContaining(parts.resolve("part-1-of-2.json") + " was run on another config file or other data");
    }

    @Test
    void noPartsAtAllSaysWhatToDo() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> SweepJob.merge(config, dir.resolve("out"), loader(), empty, log))
                .hasMessageContaining("no sweep parts to merge in " + empty + ": run the shards first");
    }

    @Test
    void aShardIsReadAsIOverN() {
        assertThat(Shard.parse(" 2/3 ")).isEqualTo(new Shard(2, 3));
        assertThatThrownBy(() -> Shard.parse("3")).hasMessage(
                "crashlab.shard: expected i/n such as 2/3 (shard i of n, 1 <= i <= n), got \"3\"");
        assertThatThrownBy(() -> Shard.parse("4/3")).hasMessageContaining("shard 4/3: expected i/n with 1 <= i <= n");
    }

    private Path runShards(Path output, int n) {
        try (LocalExecutor executor = new LocalExecutor(2, loader())) {
            for (int i = 1; i <= n; i++) {
                SweepJob.runShard(config, output, loader(), executor, new Shard(i, n), CLOCK, log);
            }
        }
        return SweepJob.partsFolder(config, output);
    }

    private ClassLoader loader() {
        return getClass().getClassLoader();
    }
}

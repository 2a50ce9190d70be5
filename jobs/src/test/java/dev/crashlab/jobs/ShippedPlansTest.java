package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.testing.TestFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every plan ships: a sweep's variants, a stress set's paths and a walk-forward's whole-span sweep
 * and folds, serialized, opened over copies of their config and data files and sent back as
 * another JVM would ({@link ShippingExecutor}), give the same output to the byte as the local
 * executor.
 */
class ShippedPlansTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);
    private static final Path SAMPLE = Path.of("..", "data", "sample").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final CollectedLog log = new CollectedLog();

    /** A DCA on the sample's BTC, QQQ and etf_flows (three files to ship, one of them a series) with {@code more}. */
    private CrashlabConfig config(String... more) {
        List<String> lines = new ArrayList<>(List.of(
                "data:",
                "  prices:",
                "    BTC-USD: {file: '" + SAMPLE.resolve("BTC-USD.csv") + "'}",
                "    QQQ: {file: '" + SAMPLE.resolve("QQQ.csv") + "'}",
                "  series:",
                "    etf_flows: {file: '" + SAMPLE.resolve("etf_flows_btc.csv") + "', column: total, publication: \"D+1 00:00 UTC\"}",
                "start: 2021-01-01",
                "end: 2024-12-31",
                "initialCash: 1000",
                "contributions: {amount: 100, period: weekly}",
                "costs: {feeRate: 0.001}",
                "benchmark: QQQ",
                "name: dca",
                "strategy: {class: DcaOnDrawdown, params: {amount: 100}}"));
        lines.addAll(List.of(more));
        return ConfigLoader.load(TestFiles.write(dir, "crashlab.yaml", lines.toArray(String[]::new)));
    }

    private ClassLoader loader() {
        return getClass().getClassLoader();
    }

    private UnitExecutor shipping() {
        return new ShippingExecutor(dir.resolve("shipped"), loader());
    }

    @Test
    void aShippedSweepWritesWhatTheLocalSweepWrites() {
        CrashlabConfig config = config("sweep: {metric: sharpe, params: {threshold: [0.1, 0.3], lookbackDays: [0, 90]}}");

        SweepJob.run(config, dir.resolve("local"), loader(), 2, CLOCK, log);
        SweepJob.run(config, dir.resolve("shipped-out"), loader(), shipping(), CLOCK, log);

        Map<String, String> local = TestFiles.contents(dir.resolve("local/sweep-dca"));
        assertThat(TestFiles.contents(dir.resolve("shipped-out/sweep-dca"))).isEqualTo(local).containsKey("sweep.json");
    }

    @Test
    void shippedStressPathsWriteWhatTheLocalPathsWrite() {
        CrashlabConfig config = config("stress: {paths: 6, seed: 3, method: both, meanBlockDays: 20}");

        StressJob.Outcome local = StressJob.run(config, dir.resolve("local"), loader(), Set.of(), 2, CLOCK, log);
        StressJob.Outcome shipped = StressJob.run(config, dir.resolve("shipped-out"), loader(), Set.of(), shipping(), CLOCK, log);

        assertThat(shipped.runs().getFirst().results()).isEqualTo(local.runs().getFirst().results());
        assertThat(TestFiles.contents(dir.resolve("shipped-out/stress-dca")))
                .isEqualTo(TestFiles.contents(dir.resolve("local/stress-dca"))).containsKey("stress.json");
        assertThat(log.lines).anyMatch(l -> l.startsWith("stress: 12 paths of dca in ") && l.endsWith(" on a shipping executor"));
    }

    @Test
    void aShippedWalkForwardWritesWhatTheLocalWalkForwardWrites() {
        CrashlabConfig config = config("walkforward: {metric: sharpe, mode: rolling, inSample: 1y, outOfSample: 6m,",
                "  params: {threshold: [0.1, 0.3], lookbackDays: [0, 90]}}");

        WalkForwardJob.Outcome local = WalkForwardJob.run(config, dir.resolve("local"), loader(), 2, CLOCK, log);
        WalkForwardJob.Outcome shipped = WalkForwardJob.run(config, dir.resolve("shipped-out"), loader(), shipping(), CLOCK,
                log);

        assertThat(local.results().folds()).hasSizeGreaterThan(2);
        assertThat(shipped.results()).isEqualTo(local.results());
        assertThat(TestFiles.contents(dir.resolve("shipped-out/walkforward-dca")))
                .isEqualTo(TestFiles.contents(dir.resolve("local/walkforward-dca"))).containsKey("walkforward.json");
    }
}

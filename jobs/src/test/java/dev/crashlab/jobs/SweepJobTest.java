package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.SweepVariant;
import dev.crashlab.testing.SharedData;
import dev.crashlab.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep of 100 DCA variants on the real BTC history completes, and its best variant's metrics
 * equal those of a single backtest run with the same parameters.
 */
class SweepJobTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final CollectedLog collect = new CollectedLog();
    private final List<String> log = collect.lines;

    /** Writes a weekly DCA config on {@code btc}, 2018-01-01 to 2025-11-21, followed by {@code more} lines. */
    private Path dcaConfig(String file, Path btc, String name, String params, String... more) {
        List<String> lines = new ArrayList<>(List.of(
                "data: {prices: {BTC-USD: {file: '" + btc + "'}}}",
                "start: 2018-01-01",
                "end: 2025-11-21",
                "initialCash: 0",
                "contributions: {amount: 100, period: weekly}",
                "costs: {feeRate: 0.001}",
                "name: " + name,
                "strategy: {class: DcaOnDrawdown, params: " + params + "}"));
        lines.addAll(List.of(more));
        return TestFiles.write(dir, file, lines.toArray(String[]::new));
    }

    @Test
    void aHundredVariantSweepFindsABestVariantThatASingleRunReproduces() throws IOException {
        Path btc = SharedData.file("BTC-USD.csv").toAbsolutePath();
        Path sweepConfig = dcaConfig("sweep.yaml", btc, "dca", "{amount: 100}",
                "sweep:",
                "  metric: sharpe",
                "  params:",
                "    threshold: {from: 0.05, to: 0.5, step: 0.05}",
                "    lookbackDays: [0, 30, 60, 90, 180, 270, 365, 540, 730, 1095]");
        CrashlabConfig config = ConfigLoader.load(sweepConfig);

        SweepJob.Outcome sweep = SweepJob.run(config, dir.resolve("out"), getClass().getClassLoader(), 2, CLOCK, collect);

        assertThat(sweep.sweep().variants()).hasSize(100);
        assertThat(Files.readAllLines(sweep.csv())).hasSize(101);
        assertThat(log).anyMatch(l -> l.startsWith("sweep: 100/100 done, ") && l.contains(" runs/s, ETA "));
        assertThat(log).anyMatch(l -> l.contains("selection bias"));
        assertThat(sweep.report()).exists();

        RunMetrics bestMetrics = sweep.sweep().variants().get(sweep.best()).metrics();
        double threshold = sweep.sweep().variants().get(sweep.best()).parameters().get("threshold").asDouble();
        int lookback = sweep.sweep().variants().get(sweep.best()).parameters().get("lookbackDays").asInt();
        for (RunMetrics m : sweep.sweep().variants().stream().map(SweepVariant::metrics).toList()) {
            assertThat(m.sharpe()).isLessThanOrEqualTo(bestMetrics.sharpe());
        }

        Path single = dcaConfig("single.yaml", btc, "best",
                "{amount: 100, threshold: " + threshold + ", lookbackDays: " + lookback + "}");
        BacktestJob.Outcome run = BacktestJob.run(ConfigLoader.load(single), dir.resolve("single"),
                getClass().getClassLoader(), Set.of(), CLOCK, collect);
        RunMetrics singleMetrics = ResultsJson.read(run.runs().getFirst().results()).metrics();

        assertThat(singleMetrics).isEqualTo(bestMetrics);
        assertThat(ResultsJson.read(dir.resolve("out/sweep-dca/best/results.json")).metrics()).isEqualTo(bestMetrics);
    }
}

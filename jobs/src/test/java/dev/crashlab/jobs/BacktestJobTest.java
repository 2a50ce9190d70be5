package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.backtest.BacktestException;
import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running a config's backtests into an output folder, as {@code crashlab:backtest} does. */
class BacktestJobTest {

    private static final Path SAMPLE = Path.of("../data/sample").toAbsolutePath().normalize();
    private static final String HOLD = "{class: dev.crashlab.strategy.BuyAndHold}";
    private static final String THROWS = "{class: " + ThrowingStrategy.class.getName() + "}";
    private static final String FRAME = "at dev.crashlab.jobs.ThrowingStrategy.onBar(ThrowingStrategy.java:";

    @TempDir
    Path dir;

    private CrashlabConfig config(String... runs) throws IOException {
        StringBuilder yaml = new StringBuilder("data: {folder: '" + SAMPLE + "', prices: {BTC-USD: {file: BTC-USD.csv}}}\n"
                + "start: 2024-01-01\nend: 2024-03-31\ninitialCash: 1000\nruns:\n");
        for (int i = 0; i < runs.length; i += 2) {
            yaml.append("  - {name: ").append(runs[i]).append(", strategy: ").append(runs[i + 1]).append("}\n");
        }
        return ConfigLoader.load(Files.writeString(dir.resolve("crashlab.yaml"), yaml));
    }

    private static BacktestException failure(CrashlabConfig config, Path output, CollectedLog log) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
        return (BacktestException) org.assertj.core.api.Assertions.catchThrowable(() -> BacktestJob.run(config, output,
                BacktestJobTest.class.getClassLoader(), Set.of(), clock, log));
    }

    @Test
    void aStrategyThrowingInTheThirdRunLeavesTheFinishedRunsListedAndComparedAndTheFailureNamed() throws Exception {
        Path out = dir.resolve("out");
        CollectedLog log = new CollectedLog();

        BacktestException e = failure(config("hold-1", HOLD, "hold-2", HOLD, "broken", THROWS, "hold-4", HOLD), out, log);

        assertThat(e).isNotNull().hasMessageStartingWith("1 of 4 runs failed; 3 finished and are listed in " + out.resolve("index.html"))
                .hasMessageContaining("broken: ThrowingStrategy failed at step 9")
                .hasMessageContaining("java.lang.IllegalStateException: no price for the rebalance " + FRAME)
                .hasCauseInstanceOf(BacktestException.class);
        Document index = Jsoup.parse(Files.readString(out.resolve("index.html")));
        assertThat(index.select("#runs-table tbody tr a").eachText()).containsExactly("hold-1", "hold-2", "hold-4");
        assertThat(index.select("#failed-runs .failed-run strong").eachText()).containsExactly("broken");
        assertThat(index.select("#failed-runs pre").text()).contains("no price for the rebalance", FRAME);
        assertThat(index.select("a[href=comparison.html]")).hasSize(1);
        Document comparison = Jsoup.parse(Files.readString(out.resolve("comparison.html")));
        assertThat(comparison.text()).contains("hold-1", "hold-2", "hold-4").doesNotContain("broken");
        assertThat(out.resolve("broken")).doesNotExist();
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".tmp"));
        }
        assertThat(log.lines).anyMatch(l -> l.startsWith("WARN run 'broken' failed: broken: ThrowingStrategy failed") && l.contains(FRAME));
        assertThat(log.lines).anyMatch(l -> l.startsWith("hold-4: total return"));
    }

    @Test
    void whenEveryRunFailsTheIndexNamesThemAndAComparisonLeftFromBeforeIsRemoved() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("comparison.html"), "<html>runs of an earlier build</html>");

        BacktestException e = failure(config("broken", THROWS), out, new CollectedLog());

        assertThat(e).hasMessageStartingWith("1 of 1 runs failed; 0 finished and are listed in " + out.resolve("index.html") + ":");
        assertThat(out.resolve("comparison.html")).doesNotExist();
        Document index = Jsoup.parse(Files.readString(out.resolve("index.html")));
        assertThat(index.select("#failed-runs .failed-run strong").eachText()).isEqualTo(List.of("broken"));
        assertThat(index.select("a[href=comparison.html]")).isEmpty();
    }

    @Test
    void aRunWithPathSensitivityWritesTheSpreadIntoItsResultsAndLogsEachEventWhileTheOtherRunsWriteNone() throws Exception {
        Path out = dir.resolve("out");
        CollectedLog log = new CollectedLog();
        Path file = Files.writeString(dir.resolve("crashlab.yaml"), "data: {folder: '" + SAMPLE + "', prices: {BTC-USD: {file: BTC-USD.csv}}}\n"
                + "start: 2024-01-01\nend: 2024-06-30\ninitialCash: 1000\nmargin: {initial: 0.1}\n"
                + "strategy: {class: BuyAndHold, wrappers: [{class: Leveraged, params: {leverage: 10}}]}\n"
                + "runs:\n  - {name: plain}\n  - {name: paths, path: {sensitivity: {bridges: 6, subBars: 24, seed: 3}}}\n");
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

        BacktestJob.run(ConfigLoader.load(file), out, getClass().getClassLoader(), Set.of(), clock, log);

        assertThat(Files.readString(out.resolve("plain/results.json"))).doesNotContain("sensitivity");
        var results = dev.crashlab.results.ResultsJson.read(out.resolve("paths/results.json"));
        var spread = results.path().sensitivity();
        assertThat(spread.bridges()).isEqualTo(6);
        assertThat(spread.subBars()).isEqualTo(24);
        assertThat(spread.seed()).isEqualTo(3);
        assertThat(spread.events()).isNotEmpty().allMatch(e -> e.event().startsWith("liquidation BTC-USD"));
        assertThat(spread.liquidated().onBridges()).isEqualTo(6);
        int summary = log.lines.indexOf(log.lines.stream().filter(l -> l.startsWith("paths: total return")).findFirst().orElseThrow());
        assertThat(log.lines.get(summary + 2)).startsWith("  path sensitivity: high-first, low-first and 6 bridge paths"
                + " of 24 sub-bars (seed 3) in ").endsWith("; 6 of 6 bridge paths liquidated");
        assertThat(log.lines.subList(summary + 3, summary + 3 + spread.events().size()))
                .allMatch(l -> l.startsWith("    liquidation BTC-USD on 2024-") && l.contains("% of 6 bridge paths; high-first"));
        assertThat(log.lines).filteredOn(l -> l.contains("path sensitivity")).hasSize(1);
        assertThat(Files.readString(out.resolve("paths/report.html"))).contains("id=\"path-sensitivity\"");
        assertThat(Files.readString(out.resolve("plain/report.html"))).doesNotContain("id=\"path-sensitivity\"");
    }
}

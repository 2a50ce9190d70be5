package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.WalkForwardFold;
import dev.crashlab.results.WalkForwardResults;
import dev.crashlab.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A walk-forward of a DCA grid on the synthetic sample: each fold's choice is what a sweep of its
 * in-sample window alone chooses, its out-of-sample metrics are those of a backtest of its
 * segment alone, the stitched curve compounds the segments' returns, and the page is linked from
 * the index and re-rendered by crashlab:report.
 */
class WalkForwardJobTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
    private static final Path SAMPLE = Path.of("..", "data", "sample").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final CollectedLog log = new CollectedLog();

    /** Writes a DCA config on the sample from {@code start} to {@code end} with the lines {@code more}. */
    private Path config(String file, String start, String end, String params, String... more) {
        List<String> lines = new ArrayList<>(List.of(
                "data:",
                "  prices:",
                "    BTC-USD: {file: '" + SAMPLE.resolve("BTC-USD.csv") + "'}",
                "    QQQ: {file: '" + SAMPLE.resolve("QQQ.csv") + "'}",
                "    GLD: {file: '" + SAMPLE.resolve("GLD.csv") + "'}",
                "  series:",
                "    etf_flows: {file: '" + SAMPLE.resolve("etf_flows_btc.csv") + "', column: total, publication: \"D+1 00:00 UTC\"}",
                "start: " + start,
                "end: " + end,
                "initialCash: 0",
                "contributions: {amount: 100, period: weekly}",
                "costs: {feeRate: 0.001}",
                "regime: {class: CrashRegime, params: {nasdaq: QQQ, gold: GLD, flows: etf_flows}}",
                "name: dca",
                "strategy: {class: DcaOnDrawdown, params: " + params + "}"));
        lines.addAll(List.of(more));
        return TestFiles.write(dir, file, lines.toArray(String[]::new));
    }

    private static final String[] GRID = {"  params:", "    threshold: [0.1, 0.2, 0.3]", "    lookbackDays: [0, 90]"};

    @Test
    void eachFoldChoosesWhatASweepOfItsWindowChoosesAndTradesItsSegmentAsABacktestAloneWould() throws IOException {
        List<String> lines = new ArrayList<>(List.of("walkforward:", "  metric: sharpe", "  mode: anchored", "  inSample: 2y",
                "  outOfSample: 1y", "  purgeDays: 7"));
        lines.addAll(List.of(GRID));
        CrashlabConfig config = ConfigLoader.load(config("wf.yaml", "2020-01-01", "2025-12-31", "{amount: 100, threshold: 0.2}",
                lines.toArray(String[]::new)));
        Path out = dir.resolve("out");

        WalkForwardJob.Outcome outcome = WalkForwardJob.run(config, out, getClass().getClassLoader(), 2, CLOCK, log);
        WalkForwardResults wf = outcome.results();

        assertThat(wf.folds()).hasSize(4);
        assertThat(wf.folds().getFirst().outOfSampleFrom()).isEqualTo(LocalDate.of(2022, 1, 8));
        assertThat(wf.folds().getFirst().inSampleTo()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(ResultsJson.readWalkForward(outcome.json())).isEqualTo(wf);
        for (WalkForwardFold fold : List.of(wf.folds().get(0), wf.folds().get(2))) {
            // The fold's in-sample sweep, as a sweep of the window alone.
            List<String> sweep = new ArrayList<>(List.of("sweep:", "  metric: sharpe"));
            sweep.addAll(List.of(GRID));
            CrashlabConfig window = ConfigLoader.load(config("window-" + fold.index() + ".yaml", fold.inSampleFrom().toString(),
                    fold.inSampleTo().toString(), "{amount: 100, threshold: 0.2}", sweep.toArray(String[]::new)));
            SweepJob.Outcome chosen = SweepJob.run(window, dir.resolve("window-" + fold.index()), getClass().getClassLoader(), 1,
                    CLOCK, new CollectedLog());
            assertThat(fold.variant()).as("fold %d", fold.index()).isEqualTo(chosen.best());
            assertThat(fold.inSample()).isEqualTo(chosen.sweep().variants().get(chosen.best()).metrics());
            // The segment alone, from the last bar before its first day.
            String params = "{amount: 100, threshold: " + fold.parameters().get("threshold") + ", lookbackDays: "
                    + fold.parameters().get("lookbackDays") + "}";
            CrashlabConfig segment = ConfigLoader.load(config("segment-" + fold.index() + ".yaml",
                    fold.outOfSampleFrom().minusDays(1).toString(), fold.outOfSampleTo().toString(), params));
            BacktestJob.Outcome alone = BacktestJob.run(segment, dir.resolve("segment-" + fold.index()),
                    getClass().getClassLoader(), Set.of(), CLOCK, new CollectedLog());
            RunMetrics metrics = ResultsJson.read(alone.runs().getFirst().results()).metrics();
            assertThat(fold.outOfSample()).as("fold %d", fold.index()).isEqualTo(metrics);
        }
        double compounded = 1;
        for (WalkForwardFold fold : wf.folds()) {
            compounded *= 1 + fold.outOfSample().totalReturn();
        }
        assertThat(wf.outOfSampleCurve().metrics().totalReturn()).as("the curve compounds the segments' time-weighted returns")
                .isCloseTo(compounded - 1, within(1e-9));
        double meanInSample = wf.folds().stream().mapToDouble(f -> f.inSample().cagr()).average().orElseThrow();
        assertThat(wf.efficiency()).isEqualTo(meanInSample > 0 ? wf.outOfSampleCurve().metrics().cagr() / meanInSample
                : Double.NaN);
        assertThat(log.lines).contains(WalkForwardJob.crisisLine(wf));
        assertThat(wf.crisisLabels()).containsExactly("CRASH", "LIQUIDITY_CRISIS");
    }

    @Test
    void theResultsDoNotDependOnTheThreadCount() {
        List<String> lines = new ArrayList<>(List.of("walkforward:", "  mode: rolling", "  inSample: 1y", "  outOfSample: 6m"));
        lines.addAll(List.of(GRID));
        CrashlabConfig config = ConfigLoader.load(config("wf.yaml", "2023-01-01", "2025-12-31", "{amount: 100}",
                lines.toArray(String[]::new)));

        WalkForwardResults one = WalkForwardJob.run(config, dir.resolve("one"), getClass().getClassLoader(), 1, CLOCK,
                new CollectedLog()).results();
        WalkForwardResults three = WalkForwardJob.run(config, dir.resolve("three"), getClass().getClassLoader(), 3, CLOCK,
                new CollectedLog()).results();

        assertThat(one.folds()).hasSize(4);
        assertThat(ResultsJson.toBytes(three)).isEqualTo(ResultsJson.toBytes(one));
    }

    @Test
    void theIndexLinksTheWalkForwardPageAndReportRerendersIt() throws IOException {
        List<String> lines = new ArrayList<>(List.of("walkforward:", "  mode: rolling", "  inSample: 3y", "  outOfSample: 18m"));
        lines.addAll(List.of(GRID));
        CrashlabConfig config = ConfigLoader.load(config("wf.yaml", "2020-01-01", "2025-12-31", "{amount: 100}",
                lines.toArray(String[]::new)));
        Path out = dir.resolve("out");
        BacktestJob.run(config, out, getClass().getClassLoader(), Set.of(), CLOCK, log);
        WalkForwardJob.Outcome outcome = WalkForwardJob.run(config, out, getClass().getClassLoader(), 1, CLOCK, log);
        Files.delete(outcome.report());

        ReportJob.run(out, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC), log);

        assertThat(outcome.report()).isRegularFile();
        assertThat(Files.readString(outcome.report())).contains("2026-12-01T00:00:00Z");
        Document index = Jsoup.parse(Files.readString(out.resolve("index.html")));
        assertThat(index.select("a[href]").eachAttr("href")).containsExactly("comparison.html",
                "walkforward-dca/walkforward.html", "dca/report.html");
        Document page = Jsoup.parse(Files.readString(outcome.report()));
        assertThat(page.select("#wf-folds tbody tr")).hasSize(outcome.results().folds().size());
        assertThat(page.getElementById("wf-crisis").text()).as("it says whether any segment meets a crisis regime")
                .containsAnyOf("No fold's out-of-sample segment contains a CRASH or LIQUIDITY_CRISIS regime",
                        "folds' out-of-sample segments contain a CRASH or LIQUIDITY_CRISIS regime");
    }
}

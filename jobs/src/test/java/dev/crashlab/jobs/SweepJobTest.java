package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.backtest.VariantOutcome;
import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.metrics.selection.BacktestOverfitting;
import dev.crashlab.metrics.selection.DeflatedSharpeRatio;
import dev.crashlab.metrics.selection.ProbabilisticSharpeRatio;
import dev.crashlab.metrics.selection.SharpeEstimate;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.SweepSelection;
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
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep of 100 DCA variants on the real BTC history completes, and its best variant's metrics
 * equal those of a single backtest run with the same parameters; every variant's metrics and
 * period returns equal its run alone, leveraged, liquidated and short ones included.
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
        assertThat(log).anyMatch(l -> l.startsWith("selection: probabilistic Sharpe ratio "));
        assertThat(log).anyMatch(l -> l.startsWith("selection: probability of backtest overfitting ")
                && l.contains("(CSCV, 16 blocks, 12870 splits;"));
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

    @Test
    void theSweepJsonHoldsTheChosenVariantsSelectionStatisticsAsTheMetricsApiGivesThemOnTheVariantsRunAlone()
            throws IOException {
        Path btc = Path.of("..", "data", "sample", "BTC-USD.csv").toAbsolutePath().normalize();
        Path file = TestFiles.write(dir, "sweep.yaml",
                "data: {prices: {BTC-USD: {file: '" + btc + "'}}}",
                "initialCash: 0",
                "contributions: {amount: 100, period: weekly}",
                "costs: {feeRate: 0.001}",
                "name: dip",
                "strategy: {class: DcaOnDrawdown}",
                "sweep:",
                "  metric: calmar",
                "  pbo: {blocks: 8}",
                "  params:",
                "    threshold: [0.0, 0.1, 0.3]",
                "    lookbackDays: [0, 90]");
        CrashlabConfig config = ConfigLoader.load(file);
        RunConfig run = config.run("dip").orElseThrow();
        RunPlanner planner = new RunPlanner(new StrategyFactory(getClass().getClassLoader()));
        List<BacktestResult> alone = config.sweep().variants().stream()
                .map(p -> planner.plan(run, "alone", p).run()).toList();
        double[][] matrix = alone.stream().map(BacktestResult::periodReturns).toArray(double[][]::new);
        double[] calmar = alone.stream().mapToDouble(r -> r.metrics().calmar()).toArray();
        int best = 0;
        for (int k = 1; k < calmar.length; k++) {
            best = calmar[k] > calmar[best] ? k : best;
        }

        SweepJob.Outcome sweep = SweepJob.run(config, dir.resolve("out"), getClass().getClassLoader(), 2, CLOCK, collect);

        SweepSelection s = sweep.sweep().selection();
        DeflatedSharpeRatio dsr = DeflatedSharpeRatio.ofSweep(matrix, best);
        BacktestOverfitting pbo = BacktestOverfitting.estimate(matrix, BacktestOverfitting.Options.defaults().withBlocks(8));
        assertThat(sweep.best()).isEqualTo(best);
        assertThat(s.variant()).isEqualTo(best);
        assertThat(s.probabilisticSharpe()).isEqualTo(ProbabilisticSharpeRatio.of(SharpeEstimate.of(matrix[best]), 0));
        assertThat(s.deflatedSharpe()).isEqualTo(dsr.probability());
        assertThat(s.trials()).isEqualTo(6);
        assertThat(s.trialSharpeVariance()).isEqualTo(dsr.trialSharpeVariance());
        assertThat(s.expectedMaximumSharpe()).isEqualTo(dsr.expectedMaximumSharpe());
        assertThat(s.skewness()).isEqualTo(dsr.estimate().skewness());
        assertThat(s.kurtosis()).isEqualTo(dsr.estimate().kurtosis());
        assertThat(s.overfitting().probability()).isEqualTo(pbo.probability());
        assertThat(s.overfitting().combinations()).isEqualTo(70);
        assertThat(s.overfitting().degradationSlope()).isEqualTo(pbo.degradationSlope());
        assertThat(s.stability().coordinates()).containsExactly(best / 2, best % 2);

        assertThat(ResultsJson.readSweep(sweep.json())).isEqualTo(sweep.sweep());
        assertThat(sweep.json()).isEqualTo(dir.resolve("out/sweep-dip/sweep.json"));
        Document page = Jsoup.parse(Files.readString(sweep.report()));
        assertThat(page.getElementById("dsr").text()).isEqualTo(String.format(Locale.ROOT, "%.3f", dsr.probability()));
        // One id for each variant, wherever it is named: sweep.json, the log, variants.csv, the page.
        String id = sweep.sweep().variants().get(best).id();
        assertThat(id).isEqualTo("dip-" + best);
        assertThat(log).anyMatch(l -> l.startsWith("best by calmar: " + id + " {"));
        assertThat(Files.readAllLines(sweep.csv()).get(1 + best)).startsWith(id + ",");
        assertThat(page.select("#variants-table tbody tr td:first-child").eachText())
                .isEqualTo(sweep.sweep().variants().stream().map(v -> v.id()).toList());
        assertThat(page.getElementById("best-variant").text()).contains(id);
        assertThat(ResultsJson.read(dir.resolve("out/sweep-dip/best/results.json")).name()).isEqualTo(id);
        Document index = Jsoup.parse(Files.readString(dir.resolve("out/index.html")));
        // The swept run's folder too: its results.json carries the sweep's section (RunStudiesTest).
        assertThat(index.select("a[href]").eachAttr("href")).containsExactly("sweep-dip/sweep.html", "dip/report.html");
        // The index describes the sweep from its page (the page's description meta tag), as the sweep page titles it.
        assertThat(index.selectFirst("a[href=sweep-dip/sweep.html]").text()).isEqualTo("sweep of dip — crashlab sweep");
        assertThat(index.text()).contains("sweep of dip — crashlab sweep — 6 variants ranked by calmar; the chosen one's deflated"
                + " Sharpe ratio");
        assertThat(index.selectFirst("li[data-written]").attr("data-written")).isEqualTo("yes");
        assertThat(log).anyMatch(l -> l.equals("Index: " + dir.resolve("out/index.html")));
    }

    @Test
    void reportRerendersTheSweepPageFromSweepJsonAndTheIndexLinksIt() throws IOException {
        Path btc = Path.of("..", "data", "sample", "BTC-USD.csv").toAbsolutePath().normalize();
        Path file = TestFiles.write(dir, "sweep.yaml",
                "data: {prices: {BTC-USD: {file: '" + btc + "'}}}",
                "initialCash: 1000",
                "name: hold",
                "strategy: {class: BuyAndHold, wrappers: [{class: Leveraged, params: {leverage: 1}}]}",
                "margin: {initial: 0.25}",
                "sweep:",
                "  params:",
                "    \"wrappers[0].leverage\": [1, 2]");
        CrashlabConfig config = ConfigLoader.load(file);
        Path out = dir.resolve("out");
        BacktestJob.run(config, out, getClass().getClassLoader(), Set.of(), CLOCK, collect);
        SweepJob.Outcome sweep = SweepJob.run(config, out, getClass().getClassLoader(), 1, CLOCK, collect);
        Files.delete(sweep.report());
        Files.delete(out.resolve("sweep-hold/best/report.html"));

        ReportJob.run(out, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC), collect);

        assertThat(sweep.report()).isRegularFile();
        assertThat(Files.readString(sweep.report())).contains("2026-12-01T00:00:00Z");
        assertThat(out.resolve("sweep-hold/best/report.html")).isRegularFile();
        Document index = Jsoup.parse(Files.readString(out.resolve("index.html")));
        assertThat(index.select("a[href]").eachAttr("href")).containsExactly("comparison.html", "sweep-hold/sweep.html",
                "hold/report.html");
    }

    @Test
    void everyVariantOfALeveragedAndAShortingSweepEqualsItsRunAlone() {
        Path data = SharedData.folder().toAbsolutePath();
        Path leveraged = TestFiles.write(dir, "leveraged.yaml",
                "data: {prices: {BTC-USD: {file: '" + data.resolve("BTC-USD.csv") + "'}}}",
                "start: 2019-06-01",
                "end: 2023-12-31",
                "initialCash: 10000",
                "costs: {feeRate: 0.001, slippageBps: 5, borrowRate: 0.08}",
                "margin: {initial: 0.2}",
                "benchmark: BTC-USD",
                "name: levered",
                "strategy: {class: BuyAndHold, wrappers: [{class: Leveraged, params: {leverage: 1}}]}",
                "sweep:",
                "  metric: calmar",
                "  params:",
                "    \"wrappers[0].leverage\": [1, 2, 3, 5]");
        Path shorting = TestFiles.write(dir, "shorting.yaml",
                "data:",
                "  prices:",
                "    ETH-USD: {file: '" + data.resolve("ETH-USD.csv") + "'}",
                "    XRP-USD: {file: '" + data.resolve("XRP-USD.csv") + "'}",
                "    QQQ: {file: '" + data.resolve("QQQ.csv") + "'}",
                "start: 2018-01-01",
                "end: 2025-06-30",
                "initialCash: 10000",
                "costs: {feeRate: 0.001, slippageBps: 5, borrowRate: 0.08, fundingRate: 0.0001}",
                "margin: {initial: 0.5}",
                "benchmark: ETH-USD",
                "name: rebound",
                "strategy: {class: DecemberReboundThenShort, params: {symbols: [ETH-USD, XRP-USD]}}",
                "sweep:",
                "  metric: sharpe",
                "  params:",
                "    minDrawdown: [0.1, 0.3]",
                "    shortStopLoss: [0.05, 0.5]");

        for (Path file : List.of(leveraged, shorting)) {
            CrashlabConfig config = ConfigLoader.load(file);
            SweepJob.Outcome sweep = SweepJob.run(config, dir.resolve("out-" + file.getFileName()), getClass().getClassLoader(), 2,
                    CLOCK, collect);
            RunConfig run = config.run(config.sweep().run()).orElseThrow();
            RunPlanner planner = new RunPlanner(new StrategyFactory(getClass().getClassLoader()));
            List<SweepVariant> variants = sweep.sweep().variants();
            for (int k = 0; k < variants.size(); k++) {
                BacktestResult alone = planner.plan(run, "alone", variants.get(k).parameters()).run();
                VariantOutcome outcome = sweep.outcomes().get(k);

                assertThat(variants.get(k).metrics()).as("%s variant %d", file.getFileName(), k)
                        .isEqualTo(RunMetrics.of(alone.metrics()));
                assertThat(outcome.metrics()).isEqualTo(variants.get(k).metrics());
                assertThat(outcome.periodReturns()).as("%s variant %d", file.getFileName(), k)
                        .containsExactly(alone.periodReturns());
            }
            if (file == leveraged) {
                assertThat(sweep.outcomes().get(3).metrics().liquidations()).as("5x is liquidated").isPositive();
            } else {
                assertThat(sweep.outcomes()).anyMatch(o -> o.metrics().fundingPaid() > 0);
            }
        }
        assertThat(log).anyMatch(l -> l.matches("sweep: 4 variants in \\d+\\.\\d\\d s, \\d+ variants/s on 2 threads"));
    }
}

package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.StressSummary;
import dev.crashlab.results.SweepSummary;
import dev.crashlab.results.WalkForwardSummary;
import dev.crashlab.testing.JsonSchemas;
import dev.crashlab.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the stress, sweep and walk-forward goals computed about a run is in the run's
 * results.json: each goal adds its section (writing the run first when it has no folder yet),
 * every section equals the summary of the document it names and passes the shipped schema, a
 * later backtest of the same run keeps them, and a backtest of a changed run drops them.
 */
class RunStudiesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** A DCA on drawdown over 500 seeded days of BTC with a 40 % fall, with a stress, sweep and walk-forward section. */
    private CrashlabConfig config(String file, double threshold, String... more) {
        CrashBtc.write(dir, 500);
        return ConfigLoader.load(TestFiles.write(dir, file,
                "data: {prices: {BTC-USD: {file: BTC-USD.csv}}}",
                "start: 2023-02-01",
                "initialCash: 1000",
                "contributions: {amount: 100, period: weekly}",
                "crises: [{name: the fall, from: 2023-07-20, to: 2023-07-25}]",
                "name: dca",
                "strategy: {class: DcaOnDrawdown, params: {threshold: " + threshold + "}}",
                "stress: {paths: 8, seed: 5, method: both, meanBlockDays: 10}",
                "sweep: {metric: sharpe, params: {threshold: [0.1, 0.2, 0.3]}}",
                "walkforward: {metric: sharpe, mode: anchored, inSample: 6m, outOfSample: 3m, params: {threshold: [0.1, 0.2, 0.3]}}",
                String.join("\n", more)));
    }

    private RunResults results(Path out) {
        return ResultsJson.read(out.resolve("dca/results.json"));
    }

    @Test
    void eachGoalAddsItsSectionToTheRunsResultsWhichEqualsTheSummaryOfItsDocument() throws Exception {
        CrashlabConfig config = config("crashlab.yaml", 0.2);
        Path out = dir.resolve("out");
        ClassLoader loader = getClass().getClassLoader();

        // Stress first, with no run folder yet: the goal writes the run and its section.
        StressJob.Outcome stressed = StressJob.run(config, out, loader, Set.of(), 2, CLOCK, new CollectedLog());
        RunResults afterStress = results(out);
        assertThat(afterStress.stress()).isEqualTo(StressSummary.of(stressed.runs().getFirst().results(), "stress-dca/stress.json"));
        assertThat(afterStress.stress().sets()).extracting(s -> s.paths().size()).containsExactly(8, 8);
        // The fan has a value per step of the run, as results.json's equity.
        assertThat(afterStress.stress().sets().getFirst().fan()).allSatisfy(b -> assertThat(b.equity()).hasSize(afterStress.steps()));
        assertThat(afterStress.sweep()).isNull();
        assertThat(out.resolve("dca/report.html")).exists();

        SweepJob.Outcome swept = SweepJob.run(config, out, loader, 2, CLOCK, new CollectedLog());
        WalkForwardJob.Outcome walked = WalkForwardJob.run(config, out, loader, 2, CLOCK, new CollectedLog());
        RunResults all = results(out);
        assertThat(all.stress()).isEqualTo(afterStress.stress());
        assertThat(all.sweep()).isEqualTo(SweepSummary.of(swept.sweep(), "sweep-dca/sweep.json"));
        assertThat(all.sweep().selection().deflatedSharpe()).isEqualTo(swept.sweep().selection().deflatedSharpe());
        assertThat(all.sweep().parameters()).isEqualTo(swept.sweep().variants().get(swept.best()).parameters());
        assertThat(all.walkforward()).isEqualTo(WalkForwardSummary.of(walked.results(), "walkforward-dca/walkforward.json"));
        assertThat(all.walkforward().folds()).isNotEmpty();
        for (String document : List.of(all.stress().document(), all.sweep().document(), all.walkforward().document())) {
            assertThat(out.resolve(document)).isRegularFile();
        }
        assertThat(Files.readString(out.resolve("dca/report.html"))).contains("id=\"studies\"")
                .contains("href=\"../stress-dca/stress.html\"").contains("href=\"../walkforward-dca/walkforward.html\"");
        assertThat(out.resolve("stress-dca/stress.html")).isRegularFile();
        String json = Files.readString(out.resolve("dca/results.json"));
        assertThat(JsonSchemas.validate(ResultsJson.SCHEMA_RESOURCE, json)).isEmpty();

        // The same run again keeps the sections, byte for byte.
        BacktestJob.run(config, out, loader, Set.of(), CLOCK, new CollectedLog());
        assertThat(Files.readString(out.resolve("dca/results.json"))).isEqualTo(json);
    }

    @Test
    void aBacktestOfAChangedRunDropsTheSectionsOfTheRunItReplaces() {
        Path out = dir.resolve("out");
        ClassLoader loader = getClass().getClassLoader();
        StressJob.run(config("crashlab.yaml", 0.2), out, loader, Set.of(), 1, CLOCK, new CollectedLog());
        assertThat(results(out).stress()).isNotNull();

        BacktestJob.run(config("changed.yaml", 0.3), out, loader, Set.of(), CLOCK, new CollectedLog());

        RunResults changed = results(out);
        assertThat(changed.config().toString()).contains("\"threshold\":0.3");
        assertThat(changed.stress()).isNull();
    }

    @Test
    void aStudyKeepsWhatTheBacktestWroteAboutTheSameRunItsPathSensitivityIncluded() {
        CrashlabConfig config = config("crashlab.yaml", 0.2, "path: {sensitivity: {bridges: 3, subBars: 4, seed: 2}}");
        Path out = dir.resolve("out");
        BacktestJob.run(config, out, getClass().getClassLoader(), Set.of(), CLOCK, new CollectedLog());
        RunResults backtest = results(out);
        assertThat(backtest.path().sensitivity()).isNotNull();

        StressJob.run(config, out, getClass().getClassLoader(), Set.of(), 1, CLOCK, new CollectedLog());

        RunResults stressed = results(out);
        assertThat(stressed.stress()).isNotNull();
        assertThat(stressed.withStress(null)).isEqualTo(backtest);
    }

    @Test
    void aStudyOfARunWithNoResultsYetWritesItsPathSensitivityAsTheBacktestWould() {
        CrashlabConfig config = config("crashlab.yaml", 0.2, "path: {sensitivity: {bridges: 3, subBars: 4, seed: 2}}");
        Path out = dir.resolve("out");

        StressJob.run(config, out, getClass().getClassLoader(), Set.of(), 1, CLOCK, new CollectedLog());
        RunResults stressed = results(out);
        BacktestJob.run(config, out, getClass().getClassLoader(), Set.of(), CLOCK, new CollectedLog());

        assertThat(stressed.path().sensitivity()).isNotNull();
        assertThat(results(out)).as("the backtest finds the same run and keeps the section").isEqualTo(stressed);
    }

    @Test
    void resultsOfTheSameConfigWithAnotherOutcomeAreAnotherRunTheirSectionsDropped() throws Exception {
        CrashlabConfig config = config("crashlab.yaml", 0.2);
        Path out = dir.resolve("out");
        StressJob.run(config, out, getClass().getClassLoader(), Set.of(), 1, CLOCK, new CollectedLog());
        // As if the strategy's code had changed since: same name, parameters, config and data, another outcome.
        Path file = out.resolve("dca/results.json");
        RunResults written = ResultsJson.read(file);
        String equity = String.valueOf(written.metrics().finalEquity());
        assertThat(Files.readString(file)).contains("\"finalEquity\" : " + equity);
        Files.writeString(file, Files.readString(file).replace("\"finalEquity\" : " + equity, "\"finalEquity\" : 1.5"));
        CollectedLog log = new CollectedLog();

        BacktestJob.run(config, out, getClass().getClassLoader(), Set.of(), CLOCK, log);

        assertThat(results(out).stress()).isNull();
        assertThat(results(out).metrics().finalEquity()).isEqualTo(written.metrics().finalEquity());
    }

    @Test
    void anUnreadableResultsFileIsReplacedWithAWarningNamingIt() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("dca"));
        Files.writeString(out.resolve("dca/results.json"), "{\"schema\": \"crashlab-results/9\"}");
        CollectedLog log = new CollectedLog();

        StressJob.run(config("crashlab.yaml", 0.2), out, getClass().getClassLoader(), Set.of(), 1, CLOCK, log);

        assertThat(results(out).stress()).isNotNull();
        assertThat(log.lines).anyMatch(l -> l.contains(out.resolve("dca/results.json") + " cannot be read (")
                && l.contains("crashlab-results/9"));
    }

    @Test
    void resultsWrittenBeforeTheSectionsExistedReadWithoutThem() throws Exception {
        Path out = dir.resolve("out");
        BacktestJob.run(config("crashlab.yaml", 0.2), out, getClass().getClassLoader(), Set.of(), CLOCK, new CollectedLog());
        Path file = out.resolve("dca/results.json");
        String older = Files.readString(file).replaceAll(",\\s*\"stress\" : null,\\s*\"sweep\" : null,\\s*\"walkforward\" : null", "");
        assertThat(older).doesNotContain("\"walkforward\"");

        RunResults read = ResultsJson.read(older.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(ResultsJson.read(file));
    }

    @RepeatedTest(3)
    void goalsRunAtTheSameTimeOnOneFolderEachKeepTheirSection() throws Exception {
        CrashlabConfig config = config("crashlab.yaml", 0.2);
        Path out = dir.resolve("out");
        ClassLoader loader = getClass().getClassLoader();
        List<Callable<Object>> goals = List.of(
                () -> StressJob.run(config, out, loader, Set.of(), 1, CLOCK, new CollectedLog()),
                () -> SweepJob.run(config, out, loader, 1, CLOCK, new CollectedLog()),
                () -> WalkForwardJob.run(config, out, loader, 1, CLOCK, new CollectedLog()));
        ExecutorService pool = Executors.newFixedThreadPool(goals.size());
        try {
            for (Future<Object> goal : pool.invokeAll(goals)) {
                goal.get();
            }
        } finally {
            pool.shutdownNow();
        }

        RunResults all = results(out);
        assertThat(all.stress()).isNotNull();
        assertThat(all.sweep()).isNotNull();
        assertThat(all.walkforward()).isNotNull();
        assertThat(Jsoup.parse(Files.readString(out.resolve("index.html"))).select("a").eachAttr("href"))
                .contains("dca/report.html", "stress-dca/stress.html", "sweep-dca/sweep.html", "walkforward-dca/walkforward.html");
    }
}

package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.report.SampleRuns;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.SweepResults;
import dev.crashlab.testing.WalkForwardSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holding results already written to a config's risk limits, as {@code crashlab:check} does. */
class CheckJobTest {

    @TempDir
    Path dir;

    private CrashlabConfig config(String... checks) throws Exception {
        Files.writeString(dir.resolve("BTC-USD.csv"), "date,open,high,low,close,volume\n2024-01-01,1,1,1,1,0\n");
        StringBuilder yaml = new StringBuilder("data: {prices: {BTC-USD: {file: BTC-USD.csv}}}\n"
                + "runs: [{name: a, strategy: {class: X}}, {name: b, strategy: {class: X}}]\n");
        if (checks.length > 0) {
            yaml.append("checks:\n");
            for (String check : checks) {
                yaml.append("  - ").append(check).append('\n');
            }
        }
        Files.writeString(dir.resolve("crashlab.yaml"), yaml.toString());
        return ConfigLoader.load(dir.resolve("crashlab.yaml"));
    }

    private void results(String run) throws Exception {
        Files.createDirectories(dir.resolve("out").resolve(run));
        Files.write(dir.resolve("out").resolve(run).resolve("results.json"), ResultsJson.toBytes(SampleRuns.playbook()));
    }

    @Test
    void eachRuleIsCheckedOnEachRunItAppliesToAndTheFailuresAreListed() throws Exception {
        CrashlabConfig config = config("{rules: [\"liquidations >= 0\"]}", "{run: b, rules: [\"maxDrawdown > -0.01\"]}");
        results("a");
        results("b");
        CollectedLog log = new CollectedLog();

        CheckJob.Outcome outcome = CheckJob.run(config, dir.resolve("out"), Set.of(), log);

        assertThat(outcome.results()).extracting(CheckJob.Result::run).containsExactly("a", "b", "b");
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.line())
                .startsWith("run 'b': maxDrawdown > -0.01 does not hold: maxDrawdown = -")
                .endsWith(" (checks[1].rules[0])"));
        assertThat(log.lines).last().isEqualTo("checks: 2 of 3 held");
    }

    @Test
    void onlyTheNamedRunsAreCheckedAndAMissingResultsFileSaysWhichGoalWritesIt() throws Exception {
        CrashlabConfig config = config("{rules: [\"liquidations == 0\"]}");
        results("a");

        assertThat(CheckJob.run(config, dir.resolve("out"), Set.of("a"), new CollectedLog()).results()).hasSize(1);
        assertThatThrownBy(() -> CheckJob.run(config, dir.resolve("out"), Set.of(), new CollectedLog()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run 'b' has no results in " + dir.resolve("out/b/results.json")
                        + ": run crashlab:backtest first (crashlab:check reads the results it wrote)");
        assertThatThrownBy(() -> CheckJob.run(config, dir.resolve("out"), Set.of("c"), new CollectedLog()))
                .hasMessage("no run is called \"c\"; the runs are [a, b]");
    }

    @Test
    void aRuleOnACrisisWindowReadsItsScorecardRowAndAFailureNamesRunRuleAndValue() throws Exception {
        Files.writeString(dir.resolve("BTC-USD.csv"), "date,open,high,low,close,volume\n2024-01-01,1,1,1,1,0\n");
        Files.writeString(dir.resolve("crashlab.yaml"), String.join("\n",
                "data: {prices: {BTC-USD: {file: BTC-USD.csv}}}",
                "crises: [{name: Sample liquidity crash, from: 2024-09-30, to: 2024-10-18}]",
                "runs: [{name: a, strategy: {class: X}}]",
                "checks:",
                "  - rules: ['crises[\"FTX collapse\"].liquidations == 0', 'crises[\"Sample liquidity crash\"].return > -0.3']",
                ""));
        CrashlabConfig config = ConfigLoader.load(dir.resolve("crashlab.yaml"));
        results("a");
        CollectedLog log = new CollectedLog();

        CheckJob.Outcome outcome = CheckJob.run(config, dir.resolve("out"), Set.of(), log);

        assertThat(log.lines).contains("check run 'a': crises[\"FTX collapse\"].liquidations == 0 holds:"
                + " crises[\"FTX collapse\"].liquidations = 0 (checks[0].rules[0])");
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.line())
                .isEqualTo("run 'a': crises[\"Sample liquidity crash\"].return > -0.3 does not hold:"
                        + " crises[\"Sample liquidity crash\"].return = -0.861369 (checks[0].rules[1])"));
        assertThat(log.lines).last().isEqualTo("checks: 1 of 2 held");
    }

    @Test
    void aConfigWithoutChecksChecksNothingAndSaysSo() throws Exception {
        CrashlabConfig config = config();
        CollectedLog log = new CollectedLog();

        assertThat(CheckJob.run(config, dir.resolve("out"), Set.of(), log).results()).isEmpty();
        assertThat(log.lines).singleElement().asString().startsWith("checks: none in " + config.file());
    }

    @Test
    void sweepAndWalkForwardRulesReadTheirDocumentsOfTheRunTheConfigSweeps() throws Exception {
        Files.writeString(dir.resolve("BTC-USD.csv"), "date,open,high,low,close,volume\n2024-01-01,1,1,1,1,0\n");
        Files.writeString(dir.resolve("crashlab.yaml"), String.join("\n",
                "data: {prices: {BTC-USD: {file: BTC-USD.csv}}}",
                "runs: [{name: a, strategy: {class: X}}, {name: b, strategy: {class: X}}]",
                "sweep: {run: b, params: {threshold: [0.1, 0.2]}}",
                "walkforward: {inSample: 1y, outOfSample: 90d}",
                "checks:",
                "  - rules: [\"sweep.deflatedSharpe >= 0.95\", \"sweep.pbo < 0.5\", \"walkforward.crisisFolds >= 1\"]"));
        CrashlabConfig config = ConfigLoader.load(dir.resolve("crashlab.yaml"));
        Path out = dir.resolve("out");
        SweepResults sweep = SampleRuns.trendSweep();
        Files.createDirectories(out.resolve("sweep-b"));
        Files.write(out.resolve("sweep-b/sweep.json"), ResultsJson.toBytes(sweep));
        CollectedLog log = new CollectedLog();

        CheckJob.Outcome outcome = CheckJob.run(config, out, Set.of(), log);

        assertThat(outcome.results()).extracting(CheckJob.Result::run).containsOnly("b");
        assertThat(outcome.results().get(0).outcome().value()).isEqualTo(sweep.selection().deflatedSharpe());
        assertThat(outcome.results().get(1).outcome().value()).isEqualTo(sweep.selection().overfitting().probability());
        assertThat(outcome.results().get(2).line()).isEqualTo("run 'b': walkforward.crisisFolds >= 1 does not hold:"
                + " walkforward.crisisFolds is undefined: the run has no walkforward.json: run crashlab:walkforward first"
                + " (checks[0].rules[2])");

        Files.createDirectories(out.resolve("walkforward-b"));
        Files.write(out.resolve("walkforward-b/walkforward.json"), ResultsJson.toBytes(WalkForwardSamples.sample(true)));
        assertThat(CheckJob.run(config, out, Set.of(), new CollectedLog()).results().get(2).line())
                .isEqualTo("run 'b': walkforward.crisisFolds >= 1 holds: walkforward.crisisFolds = 1 (checks[0].rules[2])");
    }

    @Test
    void aSweepRuleNeedsASweepSectionForItsRun() throws Exception {
        Files.writeString(dir.resolve("BTC-USD.csv"), "date,open,high,low,close,volume\n2024-01-01,1,1,1,1,0\n");
        Files.writeString(dir.resolve("crashlab.yaml"), String.join("\n",
                "data: {prices: {BTC-USD: {file: BTC-USD.csv}}}",
                "runs: [{name: a, strategy: {class: X}}, {name: b, strategy: {class: X}}]",
                "checks:",
                "  - {run: a, rules: [\"sweep.pbo < 0.5\"]}"));
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("crashlab.yaml")))
                .hasMessageStartingWith("checks[0].rules[0]: sweep.pbo reads the sweep's results, but the config has no sweep"
                        + " section");
        Files.writeString(dir.resolve("crashlab.yaml"), String.join("\n",
                "data: {prices: {BTC-USD: {file: BTC-USD.csv}}}",
                "runs: [{name: a, strategy: {class: X}}, {name: b, strategy: {class: X}}]",
                "sweep: {run: b, params: {threshold: [0.1, 0.2]}}",
                "checks:",
                "  - {run: a, rules: [\"sweep.pbo < 0.5\"]}"));
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("crashlab.yaml")))
                .hasMessageStartingWith("checks[0].rules[0]: sweep.pbo reads the sweep of run 'b', but the rule is for run 'a'");
    }
}

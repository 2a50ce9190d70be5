package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.config.ConfigException;
import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.StressSet;
import dev.crashlab.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config's stress paths, as {@code crashlab:stress} runs them: a weekly DCA and a 3x leveraged
 * buy-and-hold on 400 seeded days of BTC with a crash, by bootstrap and crisis replay (a window of the
 * config's own), written as stress.json and stress.html, linked from the index, the same bytes
 * on one thread and on three, and read by a risk rule.
 */
class StressJobTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private CrashlabConfig config(String stress) {
        CrashBtc.write(dir, 400);
        return ConfigLoader.load(TestFiles.write(dir, "crashlab.yaml",
                "data: {prices: {BTC-USD: {file: BTC-USD.csv}}}",
                "start: 2023-03-01",
                "initialCash: 1000",
                "contributions: {amount: 100, period: weekly}",
                "margin: {initial: 0.25, maintenance: 0.05}",
                "crises: [{name: the fall, from: 2023-07-20, to: 2023-07-25}]",
                "runs:",
                "  - name: dca",
                "    strategy: {class: DcaOnDrawdown, params: {threshold: 0}}",
                "  - name: hold-3x",
                "    strategy: {class: BuyAndHold, wrappers: [{class: Leveraged, params: {leverage: 3}}]}",
                stress));
    }

    @Test
    void writesEachStressedRunsDocumentAndPageLinkedFromTheIndexTheSameOnAnyNumberOfThreads() throws Exception {
        CrashlabConfig config = config("stress: {paths: 24, seed: 5, method: both, meanBlockDays: 10}");
        CollectedLog log = new CollectedLog();

        StressJob.Outcome one = StressJob.run(config, dir.resolve("one"), getClass().getClassLoader(), Set.of(), 1, CLOCK, log);
        StressJob.Outcome three = StressJob.run(config, dir.resolve("three"), getClass().getClassLoader(), Set.of(), 3, CLOCK,
                new CollectedLog());

        assertThat(one.runs()).extracting(s -> s.results().name()).containsExactly("dca", "hold-3x");
        for (int i = 0; i < 2; i++) {
            StressJob.Stressed stressed = one.runs().get(i);
            assertThat(stressed.document()).isEqualTo(dir.resolve("one/stress-" + stressed.results().name() + "/stress.json"));
            assertThat(stressed.page()).exists();
            assertThat(Files.readAllBytes(stressed.document())).isEqualTo(Files.readAllBytes(three.runs().get(i).document()));
            assertThat(ResultsJson.readStress(stressed.document())).isEqualTo(stressed.results());
        }
        StressResults leveraged = one.runs().get(1).results();
        assertThat(leveraged.sets()).extracting(StressSet::method).containsExactly("bootstrap", "crisis-replay");
        assertThat(leveraged.terms().crisisWindows()).extracting(w -> w.name()).containsExactly("the fall");
        assertThat(leveraged.sets()).allSatisfy(s -> assertThat(s.paths()).hasSize(24));
        // Replaying a 40 % fall at 3x liquidates; the plain DCA never is.
        assertThat(leveraged.set("crisis-replay").orElseThrow().probabilities().liquidation()).isGreaterThan(0);
        assertThat(one.runs().get(0).results().allPaths()).allSatisfy(p -> assertThat(p.liquidations()).isZero());

        String index = Files.readString(one.index());
        assertThat(index).contains("href=\"stress-dca/stress.html\"").contains("href=\"stress-hold-3x/stress.html\"");
        assertThat(log.lines).anyMatch(l -> l.startsWith("stress: 48 paths of hold-3x in ") && l.endsWith(" on 1 thread"));
        assertThat(log.lines).anyMatch(l -> l.startsWith("stress hold-3x (crisis-replay, 24 paths): P(liquidation) "));
    }

    @Test
    void aRiskRuleReadsTheStressPathsTheJobWrote() throws Exception {
        CrashlabConfig config = config("stress: {run: hold-3x, paths: 12, seed: 5, method: crisis-replay, meanBlockDays: 10}\n"
                + "checks: [{run: hold-3x, rules: [\"stress.probability(liquidation) < 0.01\", \"stress.quantile(finalEquity, 0.5) > 0\"]}]");
        Path out = dir.resolve("out");
        dev.crashlab.jobs.BacktestJob.run(config, out, getClass().getClassLoader(), Set.of("hold-3x"), CLOCK, new CollectedLog());

        CheckJob.Outcome before = CheckJob.run(config, out, Set.of("hold-3x"), new CollectedLog());
        assertThat(before.failures()).hasSize(2).allSatisfy(f -> assertThat(f.outcome().why()).contains("run crashlab:stress first"));

        StressJob.run(config, out, getClass().getClassLoader(), Set.of(), 2, CLOCK, new CollectedLog());
        CheckJob.Outcome after = CheckJob.run(config, out, Set.of("hold-3x"), new CollectedLog());
        assertThat(after.failures()).singleElement().satisfies(f -> assertThat(f.line())
                .startsWith("run 'hold-3x': stress.probability(liquidation) < 0.01 does not hold: stress.probability(liquidation) = "));
        assertThat(Files.readString(out.resolve("index.html"))).contains("href=\"hold-3x/report.html\"")
                .contains("href=\"comparison.html\"").contains("href=\"stress-hold-3x/stress.html\"");
    }

    @Test
    void aConfigWithoutAStressSectionOrARunItDoesNotStressIsRefused() {
        CrashlabConfig config = config("stress: {run: dca, paths: 2}");
        assertThatThrownBy(() -> StressJob.run(config, dir.resolve("out"), getClass().getClassLoader(), Set.of("hold-3x"), 1,
                CLOCK, new CollectedLog())).isInstanceOf(ConfigException.class)
                .hasMessage("stress.run: no stressed run is called [hold-3x]; the stressed runs are [dca]");
        CrashlabConfig without = ConfigLoader.load(TestFiles.write(dir, "plain.yaml", "data: {prices: {BTC-USD: {file: BTC-USD.csv}}}",
                "strategy: {class: DcaOnDrawdown}"));
        assertThatThrownBy(() -> StressJob.run(without, dir.resolve("out"), getClass().getClassLoader(), Set.of(), 1, CLOCK,
                new CollectedLog())).hasMessageStartingWith("stress: missing: this config has no stress section");
    }
}

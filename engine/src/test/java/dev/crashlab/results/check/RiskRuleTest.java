package dev.crashlab.results.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.StrategyInfo;
import dev.crashlab.results.StressFigures;
import dev.crashlab.results.StressProbabilities;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.StressSet;
import dev.crashlab.results.StressSteps;
import dev.crashlab.results.StressTerms;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Risk rules on the golden run's results (engine test resources, golden/results.json): a 5x long
 * liquidated, so maxDrawdown -1, liquidations 1, a benchmark whose profitFactor is undefined,
 * regimes "calm" (3 periods, total return -1) and "crash" (4 periods, 0), and crisis windows
 * "COVID crash" (outside the run), "Golden crash" (the liquidation, carry, a held-back order) and
 * "Golden tail" (the run ends in it).
 */
class RiskRuleTest {

    private static RunResults golden;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = RiskRuleTest.class.getResourceAsStream("/golden/results.json")) {
            golden = ResultsJson.read(in.readAllBytes());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "maxDrawdown > -0.5              | false | maxDrawdown = -1",
            "maxDrawdown >= -100%            | true  | maxDrawdown = -1",
            "liquidations == 1               | true  | liquidations = 1",
            "liquidations != 1               | false | liquidations = 1",
            "liquidations<1                  | false | liquidations = 1",
            "  sharpe <= -6.8                | true  | sharpe = -6.83921",
            "benchmark.totalReturn > -0.2    | true  | benchmark.totalReturn = -0.110463",
            "benchmark.profitFactor > 0      | false | benchmark.profitFactor is undefined (null in results.json)",
            "benchmark.profitFactor != 0     | false | benchmark.profitFactor is undefined (null in results.json)",
            "regimes[\"crash\"].steps == 4     | true  | regimes[\"crash\"].steps = 4",
            "regimes[ \"calm\" ].totalReturn > -0.3 | false | regimes[\"calm\"].totalReturn = -1",
            "regimes[\"CRASH\"].totalReturn > -0.3 | false | regimes[\"CRASH\"].totalReturn is undefined: the run has no regime \"CRASH\"; its regimes are [calm, crash]",
            "turnover > 1e1                  | true  | turnover = 23.15",
            "tail.cvar95 > -0.5              | false | tail.cvar95 = -1",
            "tail.longestUnderwaterDays <= 5 | true  | tail.longestUnderwaterDays = 5",
            "benchmark.tail.ulcerIndex < 0.15 | true | benchmark.tail.ulcerIndex = 0.147714",
            "regimes[\"calm\"].tail.cvar99 >= -1 | true | regimes[\"calm\"].tail.cvar99 = -1",
            "regimes[\"calm\"].tail.longestUnderwaterDays == 1 | true | regimes[\"calm\"].tail.longestUnderwaterDays = 1",
            "regimes[\"crash\"].tail.skewness > 0 | false | regimes[\"crash\"].tail.skewness is undefined (null in results.json)",
            "crises[\"Golden crash\"].return > -0.3 | false | crises[\"Golden crash\"].return = -1",
            "crises[\"Golden crash\"].liquidations == 0 | false | crises[\"Golden crash\"].liquidations = 1",
            "crises[\"Golden crash\"].heldBack == 1 | true | crises[\"Golden crash\"].heldBack = 1",
            "crises[\"Golden crash\"].fundingPaid < 6 | true | crises[\"Golden crash\"].fundingPaid = 5.65708",
            "crises[\"Golden crash\"].periods == 3 | true | crises[\"Golden crash\"].periods = 3",
            "crises[\"Golden crash\"].tail.ulcerIndex < 0.9 | true | crises[\"Golden crash\"].tail.ulcerIndex = 0.816497",
            "crises[\"Golden crash\"].benchmark.return > -0.3 | true | crises[\"Golden crash\"].benchmark.return = -0.175024",
            "crises[\"Golden crash\"].benchmark.tail.cvar95 > -0.3 | true | crises[\"Golden crash\"].benchmark.tail.cvar95 = -0.231117",
            "crises[\"Golden crash\"].daysToRecover < 30 | false | crises[\"Golden crash\"].daysToRecover is undefined: the index was not back at its level from before the window by the run's end",
            "crises[\"COVID crash\"].return > -0.3 | false | crises[\"COVID crash\"].return is undefined: the run's period (2024-03-01T00:00:00Z .. 2024-03-08T00:00:00Z) does not cover crisis window \"COVID crash\" (2020-03-12 .. 2020-03-16)",
            "crises[\"Golden tail\"].return >= 0 | true | crises[\"Golden tail\"].return = 0; the run covers only part of crisis window \"Golden tail\" (2024-03-07 .. 2024-03-12), 2 period returns",
            "crises[\"FTX collapse\"].return > -0.3 | false | crises[\"FTX collapse\"].return is undefined: the run scored no crisis window \"FTX collapse\"; its windows are [COVID crash, Golden crash, Golden tail]",
            "path.ruleBars == 7              | true  | path.ruleBars = 7",
            "path.ambiguousBars == 0         | true  | path.ambiguousBars = 0",
            "path.liquidatedShare < 0.05     | false | path.liquidatedShare is undefined: the run has no path sensitivity; configure path: {sensitivity: {bridges, subBars, seed}}",
            "path.finalEquity.min > 0        | false | path.finalEquity.min is undefined: the run has no path sensitivity; configure path: {sensitivity: {bridges, subBars, seed}}",
    })
    void aRuleReadsItsFigureAndComparesIt(String text, boolean holds, String why) {
        RiskRule.Outcome outcome = RiskRule.parse(text).check(golden);

        assertThat(outcome.holds()).isEqualTo(holds);
        assertThat(outcome.why()).isEqualTo(why);
    }

    @Test
    void aPercentIsAFractionAndTheTextIsKeptAsWritten() {
        RiskRule rule = RiskRule.parse(" maxDrawdown > -30% ");

        assertThat(rule.threshold()).isEqualTo(-0.3);
        assertThat(rule.toString()).isEqualTo("maxDrawdown > -30%");
        assertThat(rule.figure()).hasToString("maxDrawdown");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                          | \"\" at 1: empty rule; write a figure, a comparison and a number, such as maxDrawdown > -0.5",
            "maxDrawdwn > -0.5           | \"maxDrawdwn > -0.5\" at 1: unknown figure \"maxDrawdwn\"; did you mean maxDrawdown?; a figure is a metric (totalReturn, cagr,",
            "benchmark.sharp > 0         | \"benchmark.sharp > 0\" at 11: unknown figure \"sharp\"; did you mean sharpe?",
            "nonsense > 0                | unknown figure \"nonsense\"; a figure is a metric",
            "sharpe 0.5                  | \"sharpe 0.5\" at 8: expected a comparison (>, >=, <, <=, ==, !=), got \"0.5\"",
            "sharpe => 0.5               | \"sharpe => 0.5\" at 8: expected a comparison (>, >=, <, <=, ==, !=), got \"=> 0.5\"",
            "sharpe >                    | \"sharpe >\" at 9: expected a number such as -0.5, 12 or 30%, got the end",
            "sharpe > abc                | \"sharpe > abc\" at 10: expected a number such as -0.5, 12 or 30%, got \"abc\"",
            "sharpe > 1 and cagr > 0     | \"sharpe > 1 and cagr > 0\" at 12: unexpected \"and cagr > 0\" after the number",
            "sharpe > 1e999              | \"sharpe > 1e999\" at 10: the number must be finite, got 1e999",
            "regimes[CRASH].steps > 1    | \"regimes[CRASH].steps > 1\" at 9: expected a label in double quotes, such as regimes[\"CRASH\"]",
            "regimes[\"CRASH.steps > 1   | \"regimes[\"CRASH.steps > 1\" at 9: a label opened with \" is not closed",
            "regimes[\"CRASH\"].return > 0 | at 18: unknown regime field \"return\"; a regime has totalReturn, maxDrawdown, timeInMarket, steps",
            "> 0.5                       | \"> 0.5\" at 1: expected a figure, such as maxDrawdown or benchmark.sharpe, got \">\"",
            "tail.cvar > 0               | \"tail.cvar > 0\" at 6: unknown tail figure \"cvar\"; did you mean cvar95?; the tail figures are var95, cvar95, var99, cvar99, tailRatio, skewness, excessKurtosis, ulcerIndex, painIndex, longestUnderwaterDays",
            "cvar95 > -0.1               | \"cvar95 > -0.1\" at 1: unknown figure \"cvar95\"; did you mean tail.cvar95?; a figure is a metric",
            "benchmark.tail.ulcer > 0    | at 16: unknown tail figure \"ulcer\"",
            "regimes[\"CRASH\"].tail.var > 0 | at 23: unknown tail figure \"var\"; did you mean var95?",
            "crises[FTX].return > 0      | \"crises[FTX].return > 0\" at 8: expected a window name in double quotes, such as crises[\"FTX collapse\"]",
            "crises[\"FTX collapse\"].drawdown > 0 | at 24: unknown crisis window field \"drawdown\"; a crisis window has return, maxDrawdown, daysToRecover, periods, liquidations, fundingPaid, heldBack, tail.<var95|cvar95|",
            "crises[\"FTX collapse\"].totalReturn > 0 | at 24: unknown crisis window field \"totalReturn\"",
            "crises[\"X\"].benchmark.heldBack > 0 | at 23: unknown field \"heldBack\" of the benchmark over a crisis window; it has return, maxDrawdown, daysToRecover or tail.<var95|",
            "crises[\"X\"].benchmark.tail.cvar > 0 | at 28: unknown tail figure \"cvar\"",
            "sweep.deflatedSharp >= 0.95 | at 7: unknown sweep figure \"deflatedSharp\"; did you mean deflatedSharpe?; sweep.<figure> is one of probabilisticSharpe, deflatedSharpe, pbo,",
            "walkforward.eficiency > 0.5 | at 13: unknown walkforward figure \"eficiency\"; did you mean efficiency?; walkforward.<figure> is one of efficiency,",
            "sweep.pbo.x < 0.5           | at 10: expected a comparison",
            "path.liquidatedShar < 0.05  | \"path.liquidatedShar < 0.05\" at 6: unknown path figure \"liquidatedShar\"; did you mean liquidatedShare?; path.<figure> is one of ambiguousBars, ruleBars, detailBars, liquidatedShare, finalEquity.highFirst,",
            "path.finalEquity.mean > 0   | at 6: unknown path figure \"finalEquity.mean\"; did you mean finalEquity.min?",
            "path.finalEquity > 0        | at 6: unknown path figure \"finalEquity\"",
    })
    void aBrokenRuleSaysWhatIsWrongAndWhere(String text, String message) {
        assertThatThrownBy(() -> RiskRule.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    /**
     * Four stress paths by hand: bootstrap {final 1,500, CAGR 10 %, drawdown -20 %; final 800,
     * liquidated, CAGR -5 %, drawdown -60 %}, crisis replay {final 1,200, CAGR 4 %, drawdown
     * -30 %; final 900, CAGR -2 %, drawdown -55 %}, each having put in 1,000.
     */
    private static StressResults fourPaths() {
        StressFigures a = new StressFigures(1_500, 0.5, 0.1, -0.2, 30, 0.1, 0, 1_000);
        StressFigures b = new StressFigures(800, -0.2, -0.05, -0.6, 200, -0.05, 1, 1_000);
        StressFigures c = new StressFigures(1_200, 0.2, 0.04, -0.3, 60, 0.04, 0, 1_000);
        StressFigures d = new StressFigures(900, -0.1, -0.02, -0.55, 100, -0.02, 0, 1_000);
        StressProbabilities none = new StressProbabilities(0, 0, List.of());
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        StressTerms terms = new StressTerms(2, 1, List.of("bootstrap", "crisis-replay"), 30, "configured", 1,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), 1, List.of(), List.of(), List.of());
        return new StressResults(StressResults.SCHEMA, "test", t, "hand", new StrategyInfo("Hand", JsonNodeFactory.instance.objectNode()), terms,
                new StressSteps(List.of(t), List.of(1_000.0), List.of(1_000.0)), a,
                List.of(new StressSet("bootstrap", List.of(a, b), none, List.of(), List.of()),
                        new StressSet("crisis-replay", List.of(c, d), none, List.of(), List.of())));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "stress.probability(liquidation) < 0.01                 | false | stress.probability(liquidation) = 0.25",
            "stress[\"bootstrap\"].probability(liquidation) == 0.5  | true  | stress[\"bootstrap\"].probability(liquidation) = 0.5",
            "stress[\"crisis-replay\"].probability(liquidation) < 0.01 | true | stress[\"crisis-replay\"].probability(liquidation) = 0",
            "stress.probability(belowContributions) <= 50%          | true  | stress.probability(belowContributions) = 0.5",
            "stress.probability( maxDrawdown < -0.5 ) < 0.4         | false | stress.probability(maxDrawdown < -0.5) = 0.5",
            "stress.probability(maxDrawdown<-50%) == 0.5            | true  | stress.probability(maxDrawdown < -0.5) = 0.5",
            "stress.quantile(cagr, 0.25) > -0.06                    | true  | stress.quantile(cagr, 0.25) = -0.05",
            "stress.quantile(cagr, 50%) > 0                         | false | stress.quantile(cagr, 0.5) = -0.02",
            "stress[\"crisis-replay\"].quantile(finalEquity, 1) == 1200 | true | stress[\"crisis-replay\"].quantile(finalEquity, 1) = 1200",
    })
    void aStressRuleReadsTheRunsPathsAsThePageShowsThem(String text, boolean holds, String why) {
        RiskRule rule = RiskRule.parse(text);
        RiskRule.Outcome outcome = rule.check(golden, fourPaths());

        assertThat(rule.readsStress()).isTrue();
        assertThat(outcome.holds()).isEqualTo(holds);
        assertThat(outcome.why()).isEqualTo(why);
    }

    @Test
    void aStressRuleWithoutStressPathsOrWithAnAbsentMethodDoesNotHoldSayingWhy() {
        assertThat(RiskRule.parse("stress.probability(liquidation) < 0.01").check(golden).why())
                .isEqualTo("stress.probability(liquidation) is undefined: the run has no stress paths; run crashlab:stress"
                        + " first (it writes stress-<run>/stress.json)");
        StressResults onlyBootstrap = fourPaths();
        onlyBootstrap = new StressResults(onlyBootstrap.schema(), onlyBootstrap.crashlabVersion(), onlyBootstrap.generatedAt(),
                onlyBootstrap.name(), onlyBootstrap.strategy(), onlyBootstrap.terms(), onlyBootstrap.steps(),
                onlyBootstrap.historical(), onlyBootstrap.sets().subList(0, 1));
        RiskRule.Outcome outcome = RiskRule.parse("stress[\"crisis-replay\"].probability(liquidation) < 0.01")
                .check(golden, onlyBootstrap);
        assertThat(outcome.holds()).isFalse();
        assertThat(outcome.why()).endsWith("the run's stress paths have no method \"crisis-replay\"; they have [bootstrap]");
        assertThat(RiskRule.parse("maxDrawdown > -2").readsStress()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "stress.probabilty(liquidation) < 0.01  | at 8: unknown stress figure \"probabilty\"; did you mean probability?; write stress.probability(liquidation)",
            "stress.probability(liquidaton) < 0.01  | at 20: unknown path figure \"liquidaton\"; did you mean liquidation?; an event is liquidation, belowContributions or a figure compared; a path's figures are finalEquity, cagr, maxDrawdown,",
            "stress.probability(sharpe > 1) < 0.01  | at 20: unknown path figure \"sharpe\"",
            "stress.quantile(cagr) > 0              | at 21: expected \",\", got \")\"",
            "stress.quantile(cagr, 5) > 0           | at 23: expected a quantile level in [0, 1] such as 0.05 or 5%, got 5",
            "stress[\"monte-carlo\"].quantile(cagr, 0.05) > 0 | at 8: unknown stress method \"monte-carlo\"; the methods are bootstrap, crisis-replay",
            "stress.probability(liquidation < 0.01  | at 32: expected \")\", got \"<\"",
    })
    void aBrokenStressRuleSaysWhatIsWrongAndWhere(String text, String message) {
        assertThatThrownBy(() -> RiskRule.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anUnknownFigureListsEveryFormAFigureCanTake() {
        assertThatThrownBy(() -> RiskRule.parse("nonsense > 0")).hasMessageEndingWith("), tail.<var95|cvar95|var99|cvar99|"
                + "tailRatio|skewness|excessKurtosis|ulcerIndex|painIndex|longestUnderwaterDays>, benchmark.<metric>,"
                + " benchmark.tail.<var95|cvar95|var99|cvar99|tailRatio|skewness|excessKurtosis|ulcerIndex|painIndex|"
                + "longestUnderwaterDays>, regimes[\"<label>\"].<totalReturn|maxDrawdown|timeInMarket|steps|tail.<var95|cvar95|"
                + "var99|cvar99|tailRatio|skewness|excessKurtosis|ulcerIndex|painIndex|longestUnderwaterDays>>,"
                + " crises[\"<window>\"].<return|maxDrawdown|daysToRecover|periods|liquidations|fundingPaid|heldBack|tail.<var95|"
                + "cvar95|var99|cvar99|tailRatio|skewness|excessKurtosis|ulcerIndex|painIndex|longestUnderwaterDays>|"
                + "benchmark.<return|maxDrawdown|daysToRecover|tail.<var95|cvar95|var99|cvar99|tailRatio|skewness|"
                + "excessKurtosis|ulcerIndex|painIndex|longestUnderwaterDays>>>, sweep.<figure>, walkforward.<figure>,"
                + " stress.probability(<event>), stress.quantile(<figure>, <level>) or path.<figure>");
    }

    @Test
    void aRuleOnACrisisWindowNamesItsFigureAsWritten() {
        RiskRule rule = RiskRule.parse("crises[ \"FTX collapse\" ].benchmark.tail.cvar95 >= -25%");

        assertThat(rule.figure()).isEqualTo(new RiskRule.Figure("crises", "FTX collapse", "benchmark.tail.cvar95"));
        assertThat(rule.figure()).hasToString("crises[\"FTX collapse\"].benchmark.tail.cvar95");
        assertThat(rule.threshold()).isEqualTo(-0.25);
        assertThatThrownBy(() -> rule.requireWindow("dca", java.util.List.of("FTX Collapse", "COVID crash")))
                .hasMessage("\"crises[ \"FTX collapse\" ].benchmark.tail.cvar95 >= -25%\": run 'dca' scores no crisis window"
                        + " \"FTX collapse\"; did you mean FTX Collapse?; it scores FTX Collapse, COVID crash");
        RiskRule.parse("tail.cvar95 > 0").requireWindow("dca", java.util.List.of());
    }

    @Test
    void sweepAndWalkForwardRulesReadTheirDocumentsAndSayWhenThereIsNone() {
        RiskRule dsr = RiskRule.parse("sweep.deflatedSharpe >= 0.95");
        RiskRule efficiency = RiskRule.parse("walkforward.efficiency > 0.5");
        dev.crashlab.results.WalkForwardResults wf = dev.crashlab.testing.WalkForwardSamples.sample(true);

        assertThat(dsr.figure()).hasToString("sweep.deflatedSharpe");
        assertThat(dsr.figure().ofRun()).isFalse();
        assertThat(dsr.check((dev.crashlab.results.SweepResults) null).why())
                .isEqualTo("sweep.deflatedSharpe is undefined: the run has no sweep.json: run crashlab:sweep first");
        assertThat(efficiency.check(wf).value()).isEqualTo(wf.efficiency());
        assertThat(efficiency.check(wf).holds()).isEqualTo(wf.efficiency() > 0.5);
        assertThatThrownBy(() -> dsr.check(wf)).isInstanceOf(IllegalStateException.class);
    }
}

package dev.crashlab.results.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunResults;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Risk rules on the golden run's results (engine test resources, golden/results.json): a 5x long
 * liquidated, so maxDrawdown -1, liquidations 1, a benchmark whose profitFactor is undefined, and
 * regimes "calm" (3 periods, total return -1) and "crash" (4 periods, 0).
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
    })
    void aBrokenRuleSaysWhatIsWrongAndWhere(String text, String message) {
        assertThatThrownBy(() -> RiskRule.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}

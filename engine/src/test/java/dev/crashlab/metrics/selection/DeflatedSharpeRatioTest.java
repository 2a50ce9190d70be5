package dev.crashlab.metrics.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DSR against the worked example of Bailey and López de Prado (2014) and the definition DSR = PSR(SR*₀). */
class DeflatedSharpeRatioTest {

    /** Half a unit in the fourth decimal, the paper's printed precision. */
    private static final double FOUR_DECIMALS = 0.00005;

    @Test
    void reproducesThePapersNumericalExample() {
        // Bailey and López de Prado (2014), "The Deflated Sharpe Ratio", numerical example: a
        // strategist reports the best of N = 100 independent trials, an annualised SR of 2.5 over
        // five years of daily returns (T = 1,250, 250 a year), the trials' annualised Sharpe
        // ratios having variance V = 1/2, returns with skewness -3 and kurtosis 10.
        // Per day: SR = 2.5 / √250 = 0.1581, V = 0.5 / 250.
        // Printed: SR*₀ = 0.1132 (per day) and DSR = 0.9004, short of 95 %.
        // Computed: SR*₀ = 0.113172..., DSR = 0.900397...
        int trials = 100;
        double variance = 0.5 / 250;
        SharpeEstimate best = new SharpeEstimate(2.5 / Math.sqrt(250), 1250, -3, 10);

        DeflatedSharpeRatio dsr = DeflatedSharpeRatio.of(best, trials, variance);

        assertThat(DeflatedSharpeRatio.expectedMaximumSharpe(trials, variance)).isCloseTo(0.1132, within(FOUR_DECIMALS));
        assertThat(dsr.expectedMaximumSharpe()).isCloseTo(0.1132, within(FOUR_DECIMALS));
        assertThat(dsr.probability()).isCloseTo(0.9004, within(FOUR_DECIMALS));
        assertThat(dsr.probability()).isEqualTo(ProbabilisticSharpeRatio.of(best, dsr.expectedMaximumSharpe()));
        assertThat(dsr.selected()).isEqualTo(-1);
    }

    @Test
    void theExpectedMaximumIsTheEulerMascheroniBlendOfTwoNormalQuantiles() {
        // N = 10, V = 0.04: Φ⁻¹(0.9) = 1.2815515655446004, Φ⁻¹(1 - 1 / (10 e)) = 1.7888..., written out.
        double q1 = 1.2815515655446004;
        double q2 = new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(
                1 - 1 / (10 * Math.E));
        double gamma = 0.5772156649015329;

        assertThat(DeflatedSharpeRatio.expectedMaximumSharpe(10, 0.04))
                .isCloseTo(0.2 * ((1 - gamma) * q1 + gamma * q2), within(1e-14));
    }

    @Test
    void oneTrialSelectsNothingSoItsExpectedMaximumIsZero() {
        assertThat(DeflatedSharpeRatio.expectedMaximumSharpe(1, 0.3)).isZero();
        assertThatThrownBy(() -> DeflatedSharpeRatio.expectedMaximumSharpe(0, 0.3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trials must be at least 1, got 0");
    }

    @Test
    void ofSweepSelectsTheHighestSharpeAndDeflatesByTheTrialsSampleVariance() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] returns = new double[6][300];
        for (int v = 0; v < returns.length; v++) {
            for (int t = 0; t < 300; t++) {
                returns[v][t] = random.nextDouble(-0.02, 0.02) + 0.0004 * v;
            }
        }
        double[] sharpe = new double[6];
        double mean = 0;
        for (int v = 0; v < 6; v++) {
            sharpe[v] = SharpeEstimate.of(returns[v]).sharpe();
            mean += sharpe[v] / 6;
        }
        double variance = 0;
        int best = 0;
        for (int v = 0; v < 6; v++) {
            variance += (sharpe[v] - mean) * (sharpe[v] - mean) / 5;
            best = sharpe[v] > sharpe[best] ? v : best;
        }

        DeflatedSharpeRatio dsr = DeflatedSharpeRatio.ofSweep(returns);

        assertThat(dsr.selected()).isEqualTo(best);
        assertThat(dsr.trials()).isEqualTo(6);
        assertThat(dsr.trialSharpeVariance()).isCloseTo(variance, within(1e-15));
        assertThat(dsr.probability())
                .isEqualTo(DeflatedSharpeRatio.of(SharpeEstimate.of(returns[best]), 6, dsr.trialSharpeVariance()).probability());
    }

    @Test
    void aVariantThatNeverVariesCountsAsATrialButIsNeitherSelectedNorInTheVariance() {
        double[][] returns = {{0, 0, 0, 0}, {0.01, -0.01, 0.02, 0.0}, {0.02, -0.01, 0.03, 0.01}};

        DeflatedSharpeRatio dsr = DeflatedSharpeRatio.ofSweep(returns);

        double a = SharpeEstimate.of(returns[1]).sharpe();
        double b = SharpeEstimate.of(returns[2]).sharpe();
        assertThat(dsr.trials()).isEqualTo(3);
        assertThat(dsr.selected()).isEqualTo(2);
        assertThat(dsr.trialSharpeVariance()).isCloseTo((a - b) * (a - b) / 2, within(1e-15));
        DeflatedSharpeRatio none = DeflatedSharpeRatio.ofSweep(new double[][] {{0, 0}, {1, 1}});
        assertThat(none.probability()).isNaN();
        assertThat(none.estimate()).isNull();
    }

    @Test
    void aVariantSelectedByAnotherRuleIsDeflatedAgainstTheSameTrials() {
        double[][] returns = {{0.01, -0.01, 0.02, 0.0}, {0.02, -0.01, 0.03, 0.01}, {0.05, -0.04, 0.06, -0.02}};
        DeflatedSharpeRatio best = DeflatedSharpeRatio.ofSweep(returns);

        DeflatedSharpeRatio chosen = DeflatedSharpeRatio.ofSweep(returns, 2);

        assertThat(best.selected()).isEqualTo(1);
        assertThat(chosen.selected()).isEqualTo(2);
        assertThat(chosen.trials()).isEqualTo(3);
        assertThat(chosen.trialSharpeVariance()).isEqualTo(best.trialSharpeVariance());
        assertThat(chosen.expectedMaximumSharpe()).isEqualTo(best.expectedMaximumSharpe());
        assertThat(chosen.estimate()).isEqualTo(SharpeEstimate.of(returns[2]));
        assertThat(chosen.probability()).isEqualTo(DeflatedSharpeRatio.of(SharpeEstimate.of(returns[2]), 3,
                best.trialSharpeVariance()).probability()).isLessThan(best.probability());
        assertThat(DeflatedSharpeRatio.ofSweep(returns, 1)).isEqualTo(best);
        assertThatThrownBy(() -> DeflatedSharpeRatio.ofSweep(returns, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("selected: expected a variant from 0 to 2, got 3");
    }

    @Test
    void rejectsARaggedSweepNamingTheVariant() {
        assertThatThrownBy(() -> DeflatedSharpeRatio.ofSweep(new double[][] {{0, 1, 2}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variant 1 has 2 period returns but variant 0 has 3; all variants must cover the same periods");
    }
}

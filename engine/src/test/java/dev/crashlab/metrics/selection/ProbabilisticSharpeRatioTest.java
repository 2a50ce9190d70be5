package dev.crashlab.metrics.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** PSR and MinTRL against the worked numbers of Bailey and López de Prado (2012) and the formula written out. */
class ProbabilisticSharpeRatioTest {

    /** Half a unit in the last printed decimal: the paper prints 3 or 4 decimals. */
    private static final double THREE_DECIMALS = 0.0005;
    private static final double FOUR_DECIMALS = 0.00005;

    @Test
    void reproducesThePapersHedgeFundExampleWithAndWithoutNormalReturns() {
        // Bailey and López de Prado (2012), "The Sharpe Ratio Efficient Frontier", worked example:
        // a fund with a monthly mean of 3.6 % and standard deviation of 7.9 % over two years,
        // SR = 0.458 per month (1.59 annualised), n = 24, skewness -2.448, kurtosis 10.164.
        // Printed: PSR(0) = 0.982 if the returns were normal (skewness 0, kurtosis 3), 0.913 with
        // their skewness and kurtosis. Computed: 0.981675... and 0.913361...
        assertThat(ProbabilisticSharpeRatio.of(0.458, 0, 24, 0, 3)).isCloseTo(0.982, within(THREE_DECIMALS));
        assertThat(ProbabilisticSharpeRatio.of(0.458, 0, 24, -2.448, 10.164)).isCloseTo(0.913, within(THREE_DECIMALS));
    }

    @Test
    void reproducesThePapersMinimumTrackRecordLengths() {
        // Same paper, two monthly track records (134 months) with SR 0.7079, skewness -0.2250,
        // kurtosis 2.9570 and SR 0.8183, skewness -1.4455, kurtosis 7.0497: at 95 % against
        // SR* = 0 the printed MinTRL is 0.7152 and 1.1593 years. Computed: 8.5826 and 13.9116 months
        // (0.71522 and 1.15930 years).
        double first = ProbabilisticSharpeRatio.minimumTrackRecordLength(0.7079, 0, -0.2250, 2.9570, 0.95);
        double second = ProbabilisticSharpeRatio.minimumTrackRecordLength(0.8183, 0, -1.4455, 7.0497, 0.95);

        assertThat(first / 12).isCloseTo(0.7152, within(FOUR_DECIMALS));
        assertThat(second / 12).isCloseTo(1.1593, within(FOUR_DECIMALS));
        // At that length PSR reaches the confidence exactly: MinTRL inverts PSR.
        double z = (0.7079 - 0) * Math.sqrt(first - 1) / Math.sqrt(1 + 0.2250 * 0.7079 + (2.9570 - 1) / 4 * 0.7079 * 0.7079);
        assertThat(new NormalDistribution().cumulativeProbability(z)).isCloseTo(0.95, within(1e-12));
    }

    @Test
    void withNormalReturnsTheStandardErrorIsLosSqrtOfOnePlusHalfSrSquared() {
        // Lo (2002): for IID normal returns the standard error of SR is √((1 + SR² / 2) / (n − 1)).
        double sr = 0.1;
        double benchmark = 0.02;
        int n = 250;
        double z = (sr - benchmark) / Math.sqrt((1 + sr * sr / 2) / (n - 1));

        double psr = ProbabilisticSharpeRatio.of(sr, benchmark, n, 0, 3);

        assertThat(psr).isCloseTo(new NormalDistribution().cumulativeProbability(z), within(1e-15));
    }

    @Test
    void aSharpeRatioEqualToTheBenchmarkIsAToss() {
        assertThat(ProbabilisticSharpeRatio.of(new SharpeEstimate(0.1, 100, -1, 6), 0.1)).isEqualTo(0.5);
    }

    @Test
    void undefinedInputGivesNaN() {
        assertThat(ProbabilisticSharpeRatio.of(0.1, 0, 1, 0, 3)).isNaN();
        assertThat(ProbabilisticSharpeRatio.of(Double.NaN, 0, 100, 0, 3)).isNaN();
        assertThat(ProbabilisticSharpeRatio.of(0.1, 0, 100, Double.NaN, 3)).isNaN();
        // 1 - γ₃ SR + (γ₄ - 1) / 4 SR² <= 0: skewness 30 and kurtosis 1 at SR 0.5.
        assertThat(ProbabilisticSharpeRatio.of(0.5, 0, 100, 30, 1)).isNaN();
    }

    @Test
    void noTrackRecordIsLongEnoughForASharpeRatioAtOrBelowTheBenchmark() {
        assertThat(ProbabilisticSharpeRatio.minimumTrackRecordLength(0.1, 0.1, 0, 3, 0.95)).isInfinite();
        assertThatThrownBy(() -> ProbabilisticSharpeRatio.minimumTrackRecordLength(0.1, 0, 0, 3, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence: expected a probability in (0, 1), got 1.0");
    }
}

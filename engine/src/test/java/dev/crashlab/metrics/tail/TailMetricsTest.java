package dev.crashlab.metrics.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.metrics.Metrics;
import dev.crashlab.metrics.PerformanceMetrics;
import dev.crashlab.testing.TestTimes;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each tail and pain figure on tiny return series worked by hand in the comments. */
class TailMetricsTest {

    /** Hand computations use the same few operations; only summation order may differ. */
    private static final double EXACT = 1e-12;

    private static long[] days(int steps) {
        return TestTimes.daily(steps);
    }

    @Test
    void valueAtRiskIsTheOrderStatisticAtTheCeilingOfNTimesTheTailAndCvarTheMeanOfTheTail() {
        // n = 21. Sorted: -0.08, -0.05, -0.03, 0.01 (15 times), 0.02, 0.04, 0.06.
        // 95 %: k = ceil(21 * 0.05) = ceil(1.05) = 2: VaR = x(2) = -0.05, CVaR = (-0.08 - 0.05) / 2 = -0.065.
        // 99 %: k = ceil(0.21) = 1: VaR = CVaR = x(1) = -0.08.
        // Tail ratio: the 2nd best over the 2nd worst, |0.04| / |-0.05| = 0.8.
        double[] r = new double[21];
        Arrays.fill(r, 0.01);
        double[] others = {-0.03, 0.06, -0.08, 0.04, -0.05, 0.02};
        System.arraycopy(others, 0, r, 3, others.length);

        TailMetrics m = TailMetrics.of(r, days(22));

        assertThat(m.count()).isEqualTo(21);
        assertThat(m.valueAtRisk95()).isEqualTo(-0.05);
        assertThat(m.conditionalValueAtRisk95()).isCloseTo(-0.065, within(EXACT));
        assertThat(m.valueAtRisk99()).isEqualTo(-0.08);
        assertThat(m.conditionalValueAtRisk99()).isEqualTo(-0.08);
        assertThat(m.tailRatio()).isCloseTo(0.8, within(EXACT));
    }

    @Test
    void theTailCountIsExactInIntegersSoOneHundredReturnsHaveFiveIn5Percent() {
        assertThat(TailMetrics.tailCount(100, 5)).isEqualTo(5);
        assertThat(TailMetrics.tailCount(101, 5)).isEqualTo(6);
        assertThat(TailMetrics.tailCount(20, 5)).isEqualTo(1);
        assertThat(TailMetrics.tailCount(2, 1)).isEqualTo(1);
    }

    @Test
    void cvarAveragesTheWorstKReturnsNotEveryReturnTiedWithVar() {
        // n = 40, one loss of 10 %, 38 flat days, one gain: k = ceil(2) = 2, VaR = x(2) = 0,
        // CVaR = (-0.1 + 0) / 2 = -0.05 (not -0.1 / 39 over all returns <= 0). The 5 % quantile
        // is 0, so the tail ratio is undefined.
        double[] r = new double[40];
        r[7] = -0.1;
        r[30] = 0.05;

        TailMetrics m = TailMetrics.of(r, days(41));

        assertThat(m.valueAtRisk95()).isZero();
        assertThat(m.conditionalValueAtRisk95()).isCloseTo(-0.05, within(EXACT));
        assertThat(m.valueAtRisk99()).isEqualTo(-0.1);
        assertThat(m.tailRatio()).isNaN();
    }

    @Test
    void ulcerAndPainIndexAreTheRootMeanSquareAndMeanOfTheDrawdownsAfterEachReturn() {
        // r = 0.10, -0.20, 0.05, 0.25, -0.10, 0.02 on days 1..6 (step 0 on 2024-01-01).
        // I = 1, 1.1, 0.88, 0.924, 1.155, 1.0395, 1.06029; running peak 1.1 on days 1-3, 1.155 from day 4.
        // d(1..6) = 0, -0.2, -0.16, 0, -0.1, -0.082 (1.06029 / 1.155 = 0.918).
        // ulcer = sqrt((0.04 + 0.0256 + 0.01 + 0.006724) / 6) = sqrt(0.082324 / 6) = 0.1171352...
        // pain = (0.2 + 0.16 + 0.1 + 0.082) / 6 = 0.542 / 6 = 0.09033...
        // (numpy on the same index: 0.11713524946260478 and 0.09033333333333328).
        double[] r = {0.10, -0.20, 0.05, 0.25, -0.10, 0.02};

        TailMetrics m = TailMetrics.of(r, days(7));

        assertThat(m.ulcerIndex()).isCloseTo(Math.sqrt(0.082324 / 6), within(EXACT));
        assertThat(m.painIndex()).isCloseTo(0.542 / 6, within(EXACT));
        // Episode 1: peak day 1, trough day 2, recovered day 4: 3 days under water. Episode 2:
        // peak day 4, trough day 5, open at day 6: 2 days.
        assertThat(m.longestUnderwaterDays()).isEqualTo(3);
        assertThat(m.episodes()).hasSize(2);
        assertThat(m.episodes().get(0).depth()).isCloseTo(-0.2, within(EXACT));
        assertThat(m.episodes().get(1).recovered()).isFalse();
    }

    @Test
    void skewnessAndExcessKurtosisAreTheBiasCorrectedSampleMomentsOfPandasAndScipy() {
        // scipy.stats.skew(r, bias=False) = 0.025658575037914848 and
        // scipy.stats.kurtosis(r, bias=False) = -0.015169541939323405 (= pandas' skew() and kurt()).
        double[] r = {0.10, -0.20, 0.05, 0.25, -0.10, 0.02};

        TailMetrics m = TailMetrics.of(r, days(7));

        assertThat(m.skewness()).isCloseTo(0.025658575037914848, within(1e-14));
        assertThat(m.excessKurtosis()).isCloseTo(-0.015169541939323405, within(1e-14));
    }

    @Test
    void shortSamplesGiveNaNNotAnException() {
        TailMetrics none = TailMetrics.of(new double[0], days(1));
        assertThat(none.valueAtRisk95()).isNaN();
        assertThat(none.conditionalValueAtRisk99()).isNaN();
        assertThat(none.tailRatio()).isNaN();
        assertThat(none.skewness()).isNaN();
        assertThat(none.ulcerIndex()).isNaN();
        assertThat(none.painIndex()).isNaN();
        assertThat(none.longestUnderwaterDays()).isZero();
        assertThat(none.episodes()).isEmpty();

        TailMetrics one = TailMetrics.of(new double[] {-0.1}, days(2));
        assertThat(one.valueAtRisk95()).isNaN();
        assertThat(one.skewness()).isNaN();
        assertThat(one.ulcerIndex()).isCloseTo(0.1, within(EXACT));
        assertThat(one.longestUnderwaterDays()).isEqualTo(1);

        TailMetrics three = TailMetrics.of(new double[] {-0.1, 0.2, 0.0}, days(4));
        assertThat(three.valueAtRisk95()).isEqualTo(-0.1);
        assertThat(three.skewness()).isNotNaN();
        assertThat(three.excessKurtosis()).isNaN();
    }

    @Test
    void flatReturnsHaveNoSkewnessOrKurtosisAndNoDrawdown() {
        TailMetrics m = TailMetrics.of(new double[] {0.001, 0.001, 0.001, 0.001, 0.001}, days(6));

        assertThat(m.skewness()).isNaN();
        assertThat(m.excessKurtosis()).isNaN();
        assertThat(m.ulcerIndex()).isZero();
        assertThat(m.episodes()).isEmpty();
    }

    @Test
    void rejectsStepTimesThatDoNotMatchTheReturnsNamingBothCounts() {
        assertThatThrownBy(() -> TailMetrics.of(new double[3], days(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 4 step times for 3 period returns, got 3");
    }

    @Test
    void ofEquityTakesThePeriodReturnsOfTheMetricsWithFlowsRemoved() {
        // 100 -> 110 (+10 %), 100 paid in, 210 -> 189 (-10 %): the flow is no loss.
        double[] equity = {100, 110, 189};
        double[] contributed = {0, 0, 100};

        TailMetrics m = TailMetrics.ofEquity(equity, contributed, days(3));

        assertThat(m.episodes()).singleElement().satisfies(e -> assertThat(e.depth()).isCloseTo(-0.1, within(EXACT)));
        assertThat(m.valueAtRisk95()).isCloseTo(-0.1, within(EXACT));
    }

    @Test
    void deepestEpisodeAndLongestTimeUnderWaterAgreeWithTheRunMetrics() {
        SplittableRandom random = new SplittableRandom(14);
        int steps = 500;
        double[] equity = new double[steps];
        equity[0] = 1_000;
        for (int t = 1; t < steps; t++) {
            equity[t] = equity[t - 1] * (1 + random.nextDouble(-0.05, 0.052));
        }
        long[] times = days(steps);
        Metrics metrics = PerformanceMetrics.compute(new PerformanceMetrics.Input(t -> times[t], equity, null, 1_000, 365,
                0, 0, 0, 0, 0, 0, List.of(), null, null));

        TailMetrics m = TailMetrics.ofEquity(equity, null, times);

        double deepest = m.episodes().stream().mapToDouble(DrawdownEpisode::depth).min().orElseThrow();
        assertThat(deepest).isCloseTo(metrics.maxDrawdown(), within(EXACT));
        assertThat(m.longestUnderwaterDays()).isEqualTo(metrics.maxDrawdownDays());
    }
}

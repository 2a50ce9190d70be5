package dev.crashlab.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.testing.TestTimes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnsTest {

    /** Exact arithmetic on small numbers; anything beyond this is a bug, not rounding. */
    private static final double EXACT = 1e-12;
    @Test
    void periodReturnsTakeOutTheFlowOfTheStep() {
        double[] equity = {100, 110, 220, 198};
        double[] flows = {0, 0, 100, 100};

        double[] r = Returns.periodReturns(equity, flows);

        assertThat(r[0]).isZero();
        assertThat(r[1]).isCloseTo(0.10, within(EXACT));
        assertThat(r[2]).isCloseTo(220.0 / 210 - 1, within(EXACT));
        assertThat(r[3]).isCloseTo(-0.10, within(EXACT));
    }

    @Test
    void aReturnIsZeroWhenThereWasNothingInvested() {
        assertThat(Returns.periodReturns(new double[] {0, 0, 50}, new double[] {0, 0, 50})).containsExactly(0, 0, 0);
    }

    @Test
    void aGapPastALiquidationLosesAtMostEverything() {
        // Equity below zero only after a gap through a liquidation: the engine floors that return
        // at -1, and the charts must show the drawdown its metrics were computed from.
        double[] r = Returns.periodReturns(new double[] {100, -20, 0}, new double[] {0, 0, 0});

        assertThat(r).containsExactly(0, -1, 0);
        assertThat(Returns.drawdown(Returns.index(r))).containsExactly(0, -1, -1);
    }

    @Test
    void aMissingEquityValueHasNoReturn() {
        assertThat(Returns.periodReturns(new double[] {100, Double.NaN, 110}, new double[] {0, 0, 0}))
                .containsExactly(0, 0, 0);
    }

    @Test
    void drawdownIsTheIndexBelowItsRunningPeak() {
        double[] index = Returns.index(new double[] {0, 0.5, -0.5, 1.0, 0.25});

        assertThat(index).containsExactly(1, 1.5, 0.75, 1.5, 1.875);
        assertThat(Returns.drawdown(index)).containsExactly(0, 0, -0.5, 0, 0);
    }

    @Test
    void worstDrawdownsAreEpisodesFromPeakToRecoveryDeepestFirst() {
        long[] t = TestTimes.daily(9);
        double[] index = {1, 0.9, 1.0, 1.2, 0.6, 0.9, 1.3, 1.1, 1.2};

        List<Returns.Drawdown> worst = Returns.worstDrawdowns(t, index, 5);

        assertThat(worst).hasSize(3);
        assertThat(worst.get(0)).isEqualTo(new Returns.Drawdown(3, 4, 6, 0.6 / 1.2 - 1, 3));
        assertThat(worst.get(1).peak()).isEqualTo(6);
        assertThat(worst.get(1).recovery()).isEqualTo(-1);
        assertThat(worst.get(1).days()).isEqualTo(2);
        assertThat(worst.get(2)).isEqualTo(new Returns.Drawdown(0, 1, 2, 0.9 - 1, 2));
        assertThat(Returns.worstDrawdowns(t, index, 1)).hasSize(1);
    }

    @Test
    void rollingSharpeAndVolatilityMatchADirectComputationOverTheWindow() {
        double[] r = {0, 0.01, -0.02, 0.03, 0.005, -0.01, 0.02};
        int window = 4;
        double ppy = 365;

        double[][] rolling = Returns.rolling(r, window, ppy, 0.0365);

        assertThat(rolling[0][3]).isNaN();
        double[] last = {0.03, 0.005, -0.01, 0.02};
        double mean = (0.03 + 0.005 - 0.01 + 0.02) / 4;
        double var = 0;
        for (double x : last) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / 3);
        assertThat(rolling[1][6]).isCloseTo(sd * Math.sqrt(ppy), within(1e-12));
        assertThat(rolling[0][6]).isCloseTo((mean - 0.0365 / ppy) / sd * Math.sqrt(ppy), within(1e-9));
        assertThat(rolling[0][4]).isFinite();
    }

    @Test
    void rollingWindowIsTheStepsInNinetyCalendarDays() {
        assertThat(Returns.stepsIn(90, 365)).isEqualTo(90);
        assertThat(Returns.stepsIn(90, 252)).isEqualTo(62);
    }

    @Test
    void monthlyAndYearlyReturnsCompoundTheStepsInThem() {
        long[] t = {Instant.parse("2023-12-31T00:00:00Z").toEpochMilli(), Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
            Instant.parse("2024-01-31T00:00:00Z").toEpochMilli(), Instant.parse("2024-02-01T00:00:00Z").toEpochMilli()};
        double[] r = {0, 0.1, 0.1, -0.5};

        Map<Integer, Double> months = Returns.monthly(t, r);
        Map<Integer, Double> years = Returns.yearly(t, r);

        assertThat(months).containsOnlyKeys(2023 * 12 + 11, 2024 * 12, 2024 * 12 + 1);
        assertThat(months.get(2024 * 12)).isCloseTo(0.21, within(EXACT));
        assertThat(months.get(2024 * 12 + 1)).isCloseTo(-0.5, within(EXACT));
        assertThat(years.get(2024)).isCloseTo(1.21 * 0.5 - 1, within(EXACT));
        assertThat(years.get(2023)).isZero();
    }

    @Test
    void rollingBetaIsTheCovarianceOverTheBenchmarksVarianceOfTheTrailingWindow() {
        double[] bench = {0, 0.01, -0.02, 0.03, 0.01, -0.01};
        double[] twice = new double[bench.length];
        double[] mixed = {0, 0.02, 0.01, 0.05, -0.01, 0.0};
        for (int t = 0; t < bench.length; t++) {
            twice[t] = 2 * bench[t] + 0.001;
        }

        double[] beta = Returns.rollingBeta(twice, bench, 3);
        double[] other = Returns.rollingBeta(mixed, bench, 3);

        assertThat(beta[0]).isNaN();
        assertThat(beta[2]).isNaN();
        for (int t = 3; t < bench.length; t++) {
            assertThat(beta[t]).isCloseTo(2.0, within(EXACT));
        }
        // Steps 3..5 by hand: bench (0.03, 0.01, -0.01), mean 0.01; strategy (0.05, -0.01, 0), mean 0.04/3.
        double mb = 0.01;
        double mr = 0.04 / 3;
        double cov = (0.03 - mb) * (0.05 - mr) + (0.01 - mb) * (-0.01 - mr) + (-0.01 - mb) * (0 - mr);
        double var = (0.03 - mb) * (0.03 - mb) + 0 + (-0.01 - mb) * (-0.01 - mb);
        assertThat(other[5]).isCloseTo(cov / var, within(EXACT));
    }

    @Test
    void aHistogramCountsEachFiniteValueInBinsAlignedOnZero() {
        Returns.Histogram h = Returns.histogram(new double[] {-0.015, -0.001, 0, 0.004, 0.012, 0.019, Double.NaN}, 0.01);

        assertThat(h.from()).isCloseTo(-0.02, within(EXACT));
        assertThat(h.counts()).containsExactly(1, 1, 2, 2);
        assertThat(h.total()).isEqualTo(6);
        assertThat(Returns.histogram(new double[] {Double.NaN}, 0.01).counts()).isEmpty();
    }
}

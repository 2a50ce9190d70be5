package dev.crashlab.data.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ShocksTest {

    private static double[] draws(Shocks shocks, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = shocks.fatTailed();
        }
        return x;
    }

    @Test
    void theSameSeedAndStreamGiveTheSameNumbers() {
        assertThat(draws(Shocks.stream(42, 3), 100)).isEqualTo(draws(Shocks.stream(42, 3), 100));
    }

    @Test
    void otherStreamsOrSeedsGiveOtherNumbers() {
        double[] base = draws(Shocks.stream(42, 3), 100);
        assertThat(draws(Shocks.stream(42, 4), 100)).isNotEqualTo(base);
        assertThat(draws(Shocks.stream(43, 3), 100)).isNotEqualTo(base);
    }

    @Test
    void uniformsLieInTheHalfOpenUnitIntervalWithoutZero() {
        Shocks shocks = Shocks.stream(1, 0);
        for (int i = 0; i < 100_000; i++) {
            assertThat(shocks.uniform()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void normalsHaveMeanZeroAndUnitVariance() {
        Shocks shocks = Shocks.stream(5, 1);
        double[] x = new double[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = shocks.normal();
        }
        // standard errors at n = 200,000: mean 0.0022, variance 0.0032, excess kurtosis 0.011
        assertThat(Stats.mean(x)).isCloseTo(0, offset(0.01));
        assertThat(Stats.centralMoment(x, 2)).isCloseTo(1, offset(0.015));
        assertThat(Stats.excessKurtosis(x)).isCloseTo(0, offset(0.05));
    }

    @Test
    void fatTailedDrawsHaveUnitVarianceFatTailsAndNoneBeyondTheCap() {
        double[] x = draws(Shocks.stream(9, 2), 400_000);
        double cap = Shocks.TAIL_CAP * Math.sqrt(13.0 / 12.0);
        assertThat(java.util.Arrays.stream(x).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(cap);
        // the capped t(4) has variance 1 and excess kurtosis 3.14 by numerical integration;
        // tolerances are several standard errors of these estimates at n = 400,000
        assertThat(Stats.mean(x)).isCloseTo(0, offset(0.01));
        assertThat(Stats.centralMoment(x, 2)).isCloseTo(1, offset(0.02));
        assertThat(Stats.excessKurtosis(x)).isCloseTo(3.14, offset(0.35));
    }

    @Test
    void mixingSpreadsNeighbouringStreamsApart() {
        assertThat(Shocks.mix(0, 0)).isNotEqualTo(Shocks.mix(0, 1)).isNotEqualTo(Shocks.mix(1, 0));
        assertThat(Long.bitCount(Shocks.mix(0, 0) ^ Shocks.mix(0, 1))).isBetween(16, 48);
    }
}

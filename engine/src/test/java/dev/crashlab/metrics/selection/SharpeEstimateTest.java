package dev.crashlab.metrics.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.metrics.Metrics;
import dev.crashlab.metrics.PerformanceMetrics;
import dev.crashlab.testing.TestTimes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-period Sharpe estimate agrees with the run metrics' annualised one. */
class SharpeEstimateTest {

    @Test
    void thePerPeriodSharpeTimesRootPIsTheRunsSharpe() {
        double[] equity = {100, 103, 99, 104, 108, 101, 110};
        long[] times = TestTimes.daily(equity.length);
        double rf = 0.0365;
        Metrics m = PerformanceMetrics.compute(new PerformanceMetrics.Input(t -> times[t], equity, null, 100, 365, rf, 0, 0,
                0, 0, 0, List.of(), null, null));

        SharpeEstimate e = SharpeEstimate.of(PerformanceMetrics.periodReturns(equity, null), rf / 365);

        assertThat(e.sharpe() * Math.sqrt(365)).isCloseTo(m.sharpe(), within(1e-12));
        assertThat(e.observations()).isEqualTo(6);
    }

    @Test
    void theKurtosisIsNotInExcess() {
        double[] r = {0.1, -0.2, 0.05, 0.3, -0.1, 0.02};

        SharpeEstimate e = SharpeEstimate.of(r);

        // scipy.stats.kurtosis(r, bias=False) = 0.503725937216271, plus 3.
        assertThat(e.kurtosis()).isCloseTo(3.503725937216271, within(1e-14));
        assertThat(e.skewness()).isCloseTo(0.37725706016533145, within(1e-14));
    }

    @Test
    void returnsThatDoNotVaryHaveNoSharpeRatio() {
        assertThat(SharpeEstimate.of(new double[] {0.01, 0.01, 0.01}).sharpe()).isNaN();
        assertThat(SharpeEstimate.of(new double[] {0.01}).sharpe()).isNaN();
    }
}

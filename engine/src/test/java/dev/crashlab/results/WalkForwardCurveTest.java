package dev.crashlab.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.metrics.PerformanceMetrics;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A stitched curve earns exactly the period returns it is given, with the flows arriving as they
 * do in a run: the time-weighted returns recovered from it by {@link PerformanceMetrics#periodReturns}
 * are the inputs, and its metrics are those of the same equity computed directly.
 */
class WalkForwardCurveTest {

    private static final long DAY = 86_400_000L;

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42})
    void stitchedCurveGivesBackItsPeriodReturnsWithFlows(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 200;
        long[] times = new long[n];
        double[] contributed = new double[n];
        double[] returns = new double[n - 1];
        for (int t = 0; t < n; t++) {
            times[t] = 1_600_000_000_000L + t * DAY;
            contributed[t] = (t == 0 ? 0 : contributed[t - 1]) + (t % 7 == 0 ? 100 : 0);
            if (t > 0) {
                returns[t - 1] = random.nextDouble(-0.05, 0.05);
            }
        }
        WalkForwardCurve curve = WalkForwardCurve.stitch("oos", times, 1000, contributed, returns, 365, 0,
                new WalkForwardCurve.Costs(3, 2, 1));

        double[] back = PerformanceMetrics.periodReturns(curve.equityValues(), contributed);
        for (int t = 0; t < returns.length; t++) {
            assertThat(back[t]).as("period %d", t + 1).isCloseTo(returns[t], org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(curve.points().getFirst().equity()).isEqualTo(1100.0);
        assertThat(curve.metrics().feesPaid()).isEqualTo(3.0);
        assertThat(curve.metrics().liquidations()).isEqualTo(1);
        assertThat(curve.metrics().netContributions()).isEqualTo(contributed[n - 1]);
    }

    @Test
    void aCurveWithoutGrowthHasZeroReturnAndNoDrawdown() {
        long[] times = {0, DAY, 2 * DAY};
        WalkForwardCurve curve = WalkForwardCurve.stitch("flat", times, 500, new double[3], new double[2], 365, 0,
                new WalkForwardCurve.Costs(0, 0, 0));
        assertThat(curve.equityValues()).containsExactly(500, 500, 500);
        assertThat(curve.metrics().totalReturn()).isEqualTo(0.0);
        assertThat(curve.metrics().maxDrawdown()).isEqualTo(0.0);
        assertThat(curve.metrics().figure("finalEquity")).isEqualTo(500.0);
    }

    @Test
    void refusesArraysThatDoNotFitNamingTheirLengths() {
        assertThatThrownBy(() -> WalkForwardCurve.stitch("x", new long[3], 1, new double[3], new double[3], 365, 0,
                new WalkForwardCurve.Costs(0, 0, 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one return fewer (got 3)");
    }

    @Test
    void refusesTimesThatDoNotIncrease() {
        var p = new CurvePoint(java.time.Instant.EPOCH, 1, 0);
        var m = WalkForwardCurve.stitch("x", new long[] {0}, 1, new double[1], new double[0], 365, 0,
                new WalkForwardCurve.Costs(0, 0, 0)).metrics();
        assertThatThrownBy(() -> new WalkForwardCurve("x", List.of(p, p), m)).isInstanceOf(ResultsException.class)
                .hasMessageContaining("points[1].time");
    }

    @Test
    void curveFiguresAreNamedAsRunMetricsFields() {
        for (String field : CurveMetrics.FIELDS) {
            assertThat(Metric.of(field)).as(field).isPresent();
        }
        assertThatThrownBy(() -> new CurveMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).figure("trades"))
                .hasMessageContaining("known: [totalReturn");
    }
}

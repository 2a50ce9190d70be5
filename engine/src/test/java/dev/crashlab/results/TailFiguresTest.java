package dev.crashlab.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.metrics.tail.TailMetrics;
import dev.crashlab.testing.TestTimes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TailFiguresTest {

    private static DrawdownRow lasting(double days) {
        return new DrawdownRow(Instant.EPOCH, Instant.EPOCH, null, -0.1, 0, Double.NaN, days);
    }

    @Test
    void durationCountsSortEpisodesIntoWideningBinsEachLowerEndIncluded() {
        TailFigures tail = new TailFigures(10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 400, List.of(lasting(0.5), lasting(1), lasting(6.9),
                lasting(7), lasting(29), lasting(30), lasting(364), lasting(365), lasting(400)));

        assertThat(tail.durationCounts()).containsExactly(1, 2, 2, 1, 0, 1, 2);
    }

    @Test
    void episodesOfAWholeCurveAreAtItsStepsAndFiguresAreAsResultsHoldThem() {
        // Equity 100, 50, 100, 50: two episodes, the first recovered at step 2, the second open.
        long[] times = TestTimes.daily(4);
        TailFigures tail = TailFigures.ofEquity(new double[] {100, 50, 100, 50}, null, times);

        assertThat(tail.periods()).isEqualTo(3);
        assertThat(tail.drawdowns()).containsExactly(
                new DrawdownRow(Instant.ofEpochMilli(times[0]), Instant.ofEpochMilli(times[1]), Instant.ofEpochMilli(times[2]),
                        -0.5, 1, 1, 2),
                new DrawdownRow(Instant.ofEpochMilli(times[2]), Instant.ofEpochMilli(times[3]), null, -0.5, 1, Double.NaN, 1));
        assertThat(tail).isEqualTo(TailFigures.of(TailMetrics.ofEquity(new double[] {100, 50, 100, 50}, null, times), times,
                k -> k));
        assertThat(TailFigures.of(TailMetrics.of(new double[0], new long[] {0}), new long[] {0}, k -> k).skewness())
                .as("an infinite or undefined figure is NaN, as the file's null").isNaN();
    }
}

package dev.crashlab.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LttbTest {

    private static double[] range(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    @Test
    void keepsEveryPointWhenThereAreNoMoreThanTheThreshold() {
        assertThat(Lttb.select(range(5), new double[] {1, 5, 2, 4, 3}, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Lttb.select(range(2), new double[] {1, 2}, 10)).containsExactly(0, 1);
    }

    @Test
    void keepsExactlyThresholdPointsInIncreasingOrderWithFirstAndLast() {
        int n = 10_000;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(i / 50.0) + 0.001 * i;
        }

        int[] kept = Lttb.select(range(n), y, 500);

        assertThat(kept).hasSize(500);
        assertThat(kept[0]).isZero();
        assertThat(kept[499]).isEqualTo(n - 1);
        for (int i = 1; i < kept.length; i++) {
            assertThat(kept[i]).isGreaterThan(kept[i - 1]);
        }
    }

    @Test
    void keepsASpikeThatAnEvenStrideWouldMiss() {
        int n = 1_000;
        double[] y = new double[n];
        y[503] = 100;
        y[777] = -50;

        int[] kept = Lttb.select(range(n), y, 20);

        assertThat(kept).contains(503, 777);
    }

    @Test
    void picksTheLargestTriangleInEachBucket() {
        // 7 points into 5: the buckets between the ends are {1}, {2, 3} and {4, 5}. In {2, 3}, point 2
        // spans the larger triangle with point 1 and the mean of {4, 5}, (4.5, 1): twice its area is 28,
        // against 17.5 for point 3. In {4, 5}, with point 2 and the last point (6, 0): 18 against 1.
        double[] y = {0, 1, 9, -4, 0, 2, 0};

        assertThat(Lttb.select(range(7), y, 5)).containsExactly(0, 1, 2, 4, 6);
    }

    @Test
    void rejectsMismatchedLengthsAndTooSmallAThreshold() {
        assertThatThrownBy(() -> Lttb.select(range(3), new double[2], 3)).hasMessageContaining("3 x values but 2 y values");
        assertThatThrownBy(() -> Lttb.select(range(3), new double[3], 2)).hasMessageContaining("at least 3");
    }
}

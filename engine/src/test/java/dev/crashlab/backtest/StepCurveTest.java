package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepCurveTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aSparseCurveReadsBackEveryStepAsADenseOneBitForBit(long seed) {
        Random random = new Random(seed);
        int steps = 1 + random.nextInt(30_000);
        StepCurve sparse = new StepCurve(steps, true);
        StepCurve dense = new StepCurve(steps, false);
        double[] values = new double[steps];
        double value = random.nextDouble();
        for (int s = 0; s < steps; s++) {
            // Mostly unchanged, with the values a cash balance can take: signed zeros and NaN included.
            if (random.nextInt(5) == 0) {
                value = switch (random.nextInt(4)) {
                    case 0 -> 0.0;
                    case 1 -> -0.0;
                    case 2 -> Double.NaN;
                    default -> random.nextGaussian() * 1e6;
                };
            }
            values[s] = value;
            sparse.record(s, value);
            dense.record(s, value);
        }
        for (int s = 0; s < steps; s++) {
            assertThat(Double.doubleToRawLongBits(sparse.get(s))).as("step %d", s)
                    .isEqualTo(Double.doubleToRawLongBits(values[s]));
            assertThat(Double.doubleToRawLongBits(dense.get(s))).isEqualTo(Double.doubleToRawLongBits(values[s]));
        }
        assertThat(sparse.toArray()).isEqualTo(values);
        assertThat(dense.toArray()).isEqualTo(values);
    }
}

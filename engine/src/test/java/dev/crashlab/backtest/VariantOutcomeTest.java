package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.results.RunMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The return matrix of a batch's outcomes: their rows, lined up, and not copied. */
class VariantOutcomeTest {

    private static final RunMetrics METRICS = new RunMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 100, 0, 0, 0, 0, 0, 0, 0,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 365, 0);
    private static final long[] ENDS = {86_400_000L, 172_800_000L, 259_200_000L};

    @Test
    void theReturnMatrixHoldsEachOutcomesReturnsAsARowWithoutCopyingThem() {
        List<VariantOutcome> outcomes = List.of(new VariantOutcome(0, METRICS, new double[] {0.01, -0.02, 0.03}, ENDS),
                new VariantOutcome(1, METRICS, new double[] {0.0, 0.05, -0.01}, ENDS.clone()));

        double[][] matrix = VariantOutcome.returnMatrix(outcomes);

        assertThat(matrix).hasDimensions(2, 3);
        assertThat(matrix[0]).containsExactly(0.01, -0.02, 0.03);
        assertThat(matrix[1]).containsExactly(0.0, 0.05, -0.01);
        assertThat(VariantOutcome.returnMatrix(outcomes)[1]).as("the outcome's own array, not a copy").isSameAs(matrix[1]);
    }

    @Test
    void outcomesOverOtherPeriodsDoNotMakeAMatrix() {
        List<VariantOutcome> outcomes = List.of(new VariantOutcome(0, METRICS, new double[] {0.01, -0.02, 0.03}, ENDS),
                new VariantOutcome(7, METRICS, new double[] {0.0, 0.05, -0.01}, new long[] {1, 2, 3}));

        assertThatThrownBy(() -> VariantOutcome.returnMatrix(outcomes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variant 7 does not cover the periods of variant 0: the rows of a return matrix must line up");
        assertThatThrownBy(() -> VariantOutcome.returnMatrix(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a return matrix needs at least one variant, got none");
    }
}

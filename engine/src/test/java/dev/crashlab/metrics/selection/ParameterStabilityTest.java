package dev.crashlab.metrics.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.metrics.selection.ParameterStability.Neighbourhood;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drop from the best cell to its neighbours and the edge test, on small grids worked by hand. */
class ParameterStabilityTest {

    /**
     * A 3 × 4 grid (axis 0: 3 values, axis 1: 4), row-major:
     * <pre>
     *   0.1  0.2  0.3  0.2
     *   0.2  0.5  0.9  0.4
     *   0.1  0.3  0.6  0.2
     * </pre>
     * Best: 0.9 at (1, 2), flat index 6.
     */
    private static final double[] GRID = {0.1, 0.2, 0.3, 0.2, 0.2, 0.5, 0.9, 0.4, 0.1, 0.3, 0.6, 0.2};

    @Test
    void axisNeighboursAreOneStepAlongOneAxis() {
        // Neighbours of (1, 2): (0, 2) 0.3, (2, 2) 0.6, (1, 1) 0.5, (1, 3) 0.4: mean 0.45, min 0.3.
        ParameterStability s = ParameterStability.of(new int[] {3, 4}, GRID);

        assertThat(s.best()).isEqualTo(6);
        assertThat(s.coordinates()).containsExactly(1, 2);
        assertThat(s.value()).isEqualTo(0.9);
        assertThat(s.neighbours()).isEqualTo(4);
        assertThat(s.neighbourMean()).isCloseTo(0.45, within(1e-15));
        assertThat(s.neighbourMin()).isEqualTo(0.3);
        assertThat(s.dropToMean()).isCloseTo(0.45, within(1e-15));
        assertThat(s.dropToMin()).isCloseTo(0.6, within(1e-15));
        assertThat(s.onEdge()).isFalse();
    }

    @Test
    void theBoxTakesTheDiagonalsToo() {
        // The 3 × 3 box around (1, 2): 0.2 0.3 0.2 / 0.5 _ 0.4 / 0.3 0.6 0.2: sum 2.7 over 8, min 0.2.
        ParameterStability s = ParameterStability.of(new int[] {3, 4}, GRID, Neighbourhood.BOX);

        assertThat(s.neighbours()).isEqualTo(8);
        assertThat(s.neighbourMean()).isCloseTo(2.7 / 8, within(1e-15));
        assertThat(s.neighbourMin()).isEqualTo(0.2);
    }

    @Test
    void aBestCellOnTheFirstOrLastValueOfAnAxisIsOnTheEdgeButAnAxisOfOneValueHasNone() {
        // Shape 1 × 2 × 3; best 0.8 at (0, 1, 2): last value of axis 2 and of axis 1; axis 0 has one value.
        double[] metric = {0.1, 0.2, 0.3, 0.4, 0.5, 0.8};

        ParameterStability s = ParameterStability.of(new int[] {1, 2, 3}, metric);

        assertThat(s.coordinates()).containsExactly(0, 1, 2);
        assertThat(s.edgeAxes()).containsExactly(1, 2);
        assertThat(s.onEdge()).isTrue();
        // Neighbours: (0, 0, 2) 0.3 and (0, 1, 1) 0.5; none outside the grid.
        assertThat(s.neighbours()).isEqualTo(2);
        assertThat(s.neighbourMean()).isCloseTo(0.4, within(1e-15));
    }

    @Test
    void missingCellsAreLeftOutAndTheFirstOfEqualBestsWins() {
        double[] metric = {Double.NaN, 0.7, 0.7, Double.NaN};

        ParameterStability s = ParameterStability.of(new int[] {4}, metric);

        assertThat(s.best()).isEqualTo(1);
        assertThat(s.neighbours()).isEqualTo(1); // cell 0 is NaN, cell 2 counts
        assertThat(s.dropToMean()).isZero();
        assertThat(ParameterStability.of(new int[] {2}, new double[] {Double.NaN, Double.NaN}).best()).isEqualTo(-1);
        assertThat(ParameterStability.of(new int[] {1}, new double[] {0.3}).neighbourMean()).isNaN();
    }

    @Test
    void rejectsAMetricThatDoesNotFitTheGrid() {
        assertThatThrownBy(() -> ParameterStability.of(new int[] {2, 3}, new double[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a grid of shape [2, 3] has 6 cells, but 5 values were given");
        assertThatThrownBy(() -> ParameterStability.of(new int[] {2, 0}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("axis 1 has 0 values; every axis needs at least one");
    }

    @Test
    void theRecordHoldsUnmodifiableLists() {
        ParameterStability s = ParameterStability.of(new int[] {3, 4}, GRID);

        assertThat(s.coordinates()).isUnmodifiable();
        assertThat(s).isEqualTo(ParameterStability.of(new int[] {3, 4}, GRID.clone()));
        assertThat(s.edgeAxes()).isEqualTo(List.of());
    }
}

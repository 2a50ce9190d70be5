package dev.crashlab.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quantiles by the inverse empirical distribution (type 1), against order statistics picked by hand. */
class QuantilesTest {

    @Test
    void theQuantileIsTheKthSmallestDefinedValueWithKTheCeilingOfNTimesTheLevel() {
        double[] values = {5, Double.NaN, 1, 4, 2, 3};

        // n = 5 defined: 0.05 -> k = 1; 0.2 -> k = 1 exactly (5 x 0.2 = 1 in decimal); 0.21 -> 2; 0.5 -> 3; 1 -> 5.
        assertThat(Quantiles.of(values, 0.05)).isEqualTo(1);
        assertThat(Quantiles.of(values, 0.2)).isEqualTo(1);
        assertThat(Quantiles.of(values, 0.21)).isEqualTo(2);
        assertThat(Quantiles.of(values, 0.5)).isEqualTo(3);
        assertThat(Quantiles.of(values, 0)).isEqualTo(1);
        assertThat(Quantiles.of(values, 1)).isEqualTo(5);
    }

    @Test
    void levelsLikeFivePercentOfAThousandAreExactInDecimal() {
        double[] values = new double[1_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }

        // 1,000 x 0.05 = 50 exactly (not 50.000000000000004): the 50th value; 0.07 x 1,000 = 70.
        assertThat(Quantiles.of(values, 0.05)).isEqualTo(50);
        assertThat(Quantiles.of(values, 0.07)).isEqualTo(70);
        assertThat(Quantiles.of(values, 0.99)).isEqualTo(990);
    }

    @Test
    void withoutDefinedValuesAQuantileIsUndefinedAndASharesDenominatorIsEveryItem() {
        assertThat(Quantiles.of(new double[] {Double.NaN}, 0.5)).isNaN();
        assertThat(Quantiles.share(List.of(1, 2, 3, 4), v -> v > 3)).isEqualTo(0.25);
        assertThat(Quantiles.share(List.<Integer>of(), v -> true)).isZero();
        assertThatThrownBy(() -> Quantiles.of(new double[] {1}, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a quantile level in [0, 1], got 1.5");
    }
}

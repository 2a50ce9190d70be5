package dev.crashlab.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules declared on a parameter record, enforced for code as for configs. */
class ParametersTest {

    record Tier(@Range(min = 0, max = 1) double drawdown, @Range(min = 0) double multiplier) {
    }

    record Params(String symbol, @Range(min = 0, minExcluded = true) double amount,
            @Range(min = 0, max = 1, maxExcluded = true) double threshold, @Range(min = 1, max = 31) int day,
            @NonEmpty List<String> symbols, List<Tier> tiers) {
        static final Params DEFAULTS = new Params("BTC-USD", 100, 0.2, 1, List.of("ETH-USD"), List.of());
    }

    record NoDefaults(double x) {
    }

    record Window(@AtMost("to") int from, int to) {
    }

    private static Params with(double amount, double threshold, int day) {
        return new Params("BTC-USD", amount, threshold, day, List.of("ETH-USD"), List.of());
    }

    @Test
    void returnsARecordThatFollowsItsRules() {
        Params ok = with(0.01, 0, 31);

        assertThat(Parameters.check(ok)).isSameAs(ok);
        assertThat(Parameters.check(Params.DEFAULTS)).isSameAs(Params.DEFAULTS);
    }

    @Test
    void refusesANumberOutsideItsRangeNamingRecordParameterRangeAndValue() {
        assertThatThrownBy(() -> Parameters.check(with(0, 0.2, 1)))
                .isInstanceOf(ParameterException.class)
                .hasMessage("ParametersTest.Params.amount: expected a number in (0, ∞], got 0");
        assertThatThrownBy(() -> Parameters.check(with(100, 1, 1)))
                .hasMessage("ParametersTest.Params.threshold: expected a number in [0, 1), got 1");
        assertThatThrownBy(() -> Parameters.check(with(100, 0.2, 32)))
                .isInstanceOfSatisfying(ParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("day");
                    assertThat(e.problem()).isEqualTo("expected an integer in [1, 31], got 32");
                });
    }

    @Test
    void refusesNonFiniteNumbersNullsBlankStringsAndEmptyNonEmptyLists() {
        assertThatThrownBy(() -> Parameters.check(with(Double.NaN, 0.2, 1)))
                .hasMessage("ParametersTest.Params.amount: expected a finite number, got NaN");
        assertThatThrownBy(() -> Parameters.check(new Params(null, 1, 0, 1, List.of("A"), List.of())))
                .hasMessage("ParametersTest.Params.symbol: must be given");
        assertThatThrownBy(() -> Parameters.check(new Params(" ", 1, 0, 1, List.of("A"), List.of())))
                .hasMessage("ParametersTest.Params.symbol: expected a non-blank string, got \" \"");
        assertThatThrownBy(() -> Parameters.check(new Params("A", 1, 0, 1, List.of(), List.of())))
                .hasMessage("ParametersTest.Params.symbols: expected at least one element, got []");
        assertThatThrownBy(() -> Parameters.check(new Params("A", 1, 0, 1, List.of("A", ""), List.of())))
                .hasMessage("ParametersTest.Params.symbols[1]: expected a non-blank string, got \"\"");
    }

    @Test
    void checksTheRecordsInsideAListWithTheirPath() {
        Params deep = new Params("A", 1, 0, 1, List.of("A"), List.of(new Tier(0.2, 1), new Tier(1.5, 2)));

        assertThatThrownBy(() -> Parameters.check(deep))
                .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("tiers[1].drawdown"))
                .hasMessage("ParametersTest.Params.tiers[1].drawdown: expected a number in [0, 1], got 1.5");
    }

    @Test
    void refusesAComponentAboveTheOneItsAtMostNames() {
        assertThat(Parameters.check(new Window(3, 3)).from()).isEqualTo(3);
        assertThatThrownBy(() -> Parameters.check(new Window(4, 3)))
                .hasMessage("ParametersTest.Window.from: expected at most to (3), got 4");
    }

    @Test
    void findsTheDefaultsInTheRecordsDefaultsField() {
        assertThat(Parameters.defaults(Params.class)).isSameAs(Params.DEFAULTS);
        assertThat(Parameters.defaults(NoDefaults.class)).isNull();
    }
}

package dev.crashlab.data.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.OhlcvSeries;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarShaperTest {

    @Test
    void roundsToFiveSignificantDigitsButNeverFewerThanTwoDecimals() {
        assertThat(BarShaper.round(7201.3849, RoundingMode.HALF_EVEN)).isEqualTo(7201.38);
        assertThat(BarShaper.round(123456.789, RoundingMode.HALF_EVEN)).isEqualTo(123456.79);
        assertThat(BarShaper.round(14.51249, RoundingMode.HALF_EVEN)).isEqualTo(14.512);
        assertThat(BarShaper.round(1.512345, RoundingMode.HALF_EVEN)).isEqualTo(1.5123);
        assertThat(BarShaper.round(0.0123456, RoundingMode.HALF_EVEN)).isEqualTo(0.012346);
    }

    @Test
    void roundsHighsUpAndLowsDownStayingPositive() {
        assertThat(BarShaper.round(14.5121, RoundingMode.CEILING)).isEqualTo(14.513);
        assertThat(BarShaper.round(14.5129, RoundingMode.FLOOR)).isEqualTo(14.512);
        assertThat(BarShaper.round(1e-9, RoundingMode.FLOOR)).isEqualTo(1e-9);
    }

    @Test
    void rejectsPricesThatAreNotPositiveAndFinite() {
        assertThatThrownBy(() -> BarShaper.round(0, RoundingMode.HALF_EVEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("price must be positive and finite, got 0.0");
        assertThatThrownBy(() -> BarShaper.round(Double.NaN, RoundingMode.HALF_EVEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cryptoOpensAtThePreviousCloseAndBarsCompoundTheReturns() {
        AssetSpec asset = new AssetSpec(1, "BTC-USD", 100, 0, 0.03, 0.01, 0, 0.35, 1000);
        var path = new ReturnModel.Path(asset,
                List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)),
                new double[] {Math.log(1.1), Math.log(0.5), 0}, new double[] {0.03, 0.03, 0.03});
        OhlcvSeries bars = BarShaper.shape(path, InstrumentCatalog.defaults().find("BTC-USD").orElseThrow(), 1);

        assertThat(bars.open(0)).isEqualTo(100);
        assertThat(bars.close(0)).isEqualTo(110);
        assertThat(bars.open(1)).isEqualTo(110);
        assertThat(bars.close(1)).isEqualTo(55);
        assertThat(bars.open(2)).isEqualTo(55);
        assertThat(bars.close(2)).isEqualTo(55);
        for (int i = 0; i < bars.size(); i++) {
            assertThat(bars.high(i)).isGreaterThanOrEqualTo(Math.max(bars.open(i), bars.close(i)));
            assertThat(bars.low(i)).isLessThanOrEqualTo(Math.min(bars.open(i), bars.close(i)));
            assertThat(bars.volume(i)).isEqualTo(Math.rint(bars.volume(i))).isPositive();
        }
    }

    @Test
    void equitiesGapAtTheOpenInTheDirectionOfTheDay() {
        AssetSpec asset = new AssetSpec(4, "QQQ", 100, 0, 0.005, 0.01, 0.4, 0.4, 1000);
        var path = new ReturnModel.Path(asset, List.of(LocalDate.of(2024, 1, 2)), new double[] {Math.log(1.2)},
                new double[] {0.001});
        OhlcvSeries bars = BarShaper.shape(path, InstrumentCatalog.defaults().find("QQQ").orElseThrow(), 1);

        // a 40 % share of a 20 % day, give or take a tenth of a 0.1 % daily deviation
        assertThat(bars.open(0)).isBetween(107.0, 108.0);
        assertThat(bars.close(0)).isEqualTo(120);
    }
}

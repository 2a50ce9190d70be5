package dev.crashlab.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.results.MetricKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void percentHasTwoDecimalsAndASpaceBeforeTheSign() {
        assertThat(Formats.percent(0.1234)).isEqualTo("12.34 %");
        assertThat(Formats.percent(-0.88695)).isEqualTo("-88.70 %");
        assertThat(Formats.percent(4.7385)).isEqualTo("473.85 %");
        assertThat(Formats.percent(-0.00001)).isEqualTo("0.00 %");
    }

    @Test
    void ratePercentHasFourDecimalsSoSmallRatesStayApart() {
        assertThat(Formats.ratePercent(0.0001)).isEqualTo("0.0100 %");
        assertThat(Formats.ratePercent(0.00005)).isEqualTo("0.0050 %");
        assertThat(Formats.ratePercent(-0.01)).isEqualTo("-1.0000 %");
        assertThat(Formats.ratePercent(-0.0000001)).isEqualTo("0.0000 %");
        assertThat(Formats.ratePercent(Double.NaN)).isEqualTo("—");
    }

    @Test
    void moneyHasThousandsSeparatorsAndTwoDecimals() {
        assertThat(Formats.money(1234567.891)).isEqualTo("1,234,567.89");
        assertThat(Formats.money(-18688.125)).isEqualTo("-18,688.13");
        assertThat(Formats.money(0)).isEqualTo("0.00");
        assertThat(Formats.money(-0.001)).isEqualTo("0.00");
    }

    @Test
    void daysAreWholeNumbersAndRatiosHaveTwoDecimals() {
        assertThat(Formats.days(1057.6)).isEqualTo("1,058");
        assertThat(Formats.days(12)).isEqualTo("12");
        assertThat(Formats.ratio(1.2345)).isEqualTo("1.23");
        assertThat(Formats.ratio(-0.004)).isEqualTo("0.00");
        assertThat(Formats.count(365)).isEqualTo("365");
    }

    @Test
    void probabilitiesHaveThreeDecimalsSoOneJustBelowAThresholdDoesNotReadAsIt() {
        assertThat(Formats.probability(0.9487)).isEqualTo("0.949");
        assertThat(Formats.probability(1)).isEqualTo("1.000");
        assertThat(Formats.probability(Double.NaN)).isEqualTo("—");
    }

    @Test
    void undefinedFiguresAreADash() {
        for (double missing : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThat(Formats.percent(missing)).isEqualTo("—");
            assertThat(Formats.money(missing)).isEqualTo("—");
            assertThat(Formats.days(missing)).isEqualTo("—");
            assertThat(Formats.ratio(missing)).isEqualTo("—");
            assertThat(Formats.quantity(missing)).isEqualTo("—");
        }
        assertThat(Formats.time(null)).isEqualTo("—");
    }

    @Test
    void quantitiesAndSmallPricesKeepTheirSignificantDigits() {
        assertThat(Formats.quantity(7.0473818380000001)).isEqualTo("7.047381838");
        assertThat(Formats.quantity(2.0)).isEqualTo("2");
        assertThat(Formats.price(0.000123456789)).isEqualTo("0.000123457");
        assertThat(Formats.price(41828.174)).isEqualTo("41,828.17");
    }

    @Test
    void aFigureOfAnyUnitIsShownAsAPriceIs() {
        assertThat(Formats.figure(-312.5)).isEqualTo("-312.50");
        assertThat(Formats.figure(12345.678)).isEqualTo("12,345.68");
        assertThat(Formats.figure(-0.0123456789)).isEqualTo("-0.0123457");
        assertThat(Formats.figure(Double.NaN)).isEqualTo("—");
    }

    @Test
    void timesAreDatesAtMidnightAndMinutesOtherwise() {
        assertThat(Formats.time(Instant.parse("2024-10-13T00:00:00Z"))).isEqualTo("2024-10-13");
        assertThat(Formats.time(Instant.parse("2024-10-13T14:30:59Z"))).isEqualTo("2024-10-13 14:30");
    }

    @Test
    void eachMetricKindUsesItsFormat() {
        assertThat(Formats.of(MetricKind.PERCENT, 0.5)).isEqualTo("50.00 %");
        assertThat(Formats.of(MetricKind.MONEY, 1000)).isEqualTo("1,000.00");
        assertThat(Formats.of(MetricKind.DAYS, 3.4)).isEqualTo("3");
        assertThat(Formats.of(MetricKind.RATIO, 3.456)).isEqualTo("3.46");
        assertThat(Formats.of(MetricKind.COUNT, 2)).isEqualTo("2");
    }
}

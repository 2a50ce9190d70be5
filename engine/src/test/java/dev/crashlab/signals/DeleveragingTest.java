package dev.crashlab.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.MarketData;
import dev.crashlab.testing.Staged;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Open interest, funding and long liquidations. */
class DeleveragingTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    /** Daily series from 01-01; each value is seen from the next day's step. */
    private static final MarketData DATA = MarketData.builder().add(Hand.btcClock(JAN_1, 10))
            .add(Hand.daily("oi", JAN_1, 100, 120, 90, 60, 66, 80))
            .add(Hand.daily("funding", JAN_1, 0.01, -0.05, -0.02, 0.005, -0.008, 0.012, 0.009))
            .add(Hand.daily("long_liq", JAN_1, 10, 20, 10, 30, 400, 50, 15, 12, 40))
            .add(Hand.daily("zeros", JAN_1, 0, 0, 0, 5))
            .build();

    private static Probe probe(DataSignal... signals) {
        return Probe.run(DATA, JAN_1, JAN_1.plusDays(9), signals);
    }

    @Test
    void measuresOpenInterestFromItsTrailingHighTheLatestIncluded() {
        DataSignal drawdown = Deleveraging.openInterest("oi").drawdown(3);
        List<Double> values = probe(drawdown).values(drawdown);

        // Step 01-04 sees 100, 120, 90; 01-05: 120, 90, 60; 01-06: 90, 60, 66; 01-07: 60, 66, 80.
        assertThat(values.subList(0, 3)).containsOnly(Double.NaN);
        assertThat(values.subList(3, 7)).containsExactly(90.0 / 120 - 1, 60.0 / 120 - 1, 66.0 / 90 - 1, 0.0);
    }

    @Test
    void saysFundingIsNeutralWhenEveryValueOfTheLastDaysIsInsideTheBand() {
        DataSignal neutral = Deleveraging.funding("funding").neutral(2);

        // The days seen: 01-01..02 (0.01, -0.05), .., 01-04..05 (0.005, -0.008: inside ±0.01), 01-05..06 (0.012 outside).
        assertThat(probe(neutral).values(neutral).subList(0, 8)).containsExactly(Double.NaN, Double.NaN, 0.0, 0.0, 0.0, 1.0, 0.0,
                0.0);
        assertThat(neutral.name()).isEqualTo("deleveraging.fundingWithin(funding, [-0.01, 0.01], 2d)");
    }

    @Test
    void comparesLongLiquidationsWithTheMedianOfTheDaysBefore() {
        DataSignal ratio = Deleveraging.longLiquidations("long_liq").withBaselineDays(3).ratio();

        // 01-04: 30 / median(10, 20, 10); 01-05: 400 / median(20, 10, 30); 01-06: 50 / median(10, 30, 400); ...
        assertThat(probe(ratio).values(ratio)).containsExactly(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 3.0, 20.0,
                50.0 / 30, 15.0 / 50, 12.0 / 50, 40.0 / 15);
    }

    @Test
    void saysACapitulationSubsidesOnceARecentSpikeIsFollowedByAnOrdinaryDay() {
        DataSignal subsiding = Deleveraging.longLiquidations("long_liq").withBaselineDays(3).capitulationSubsiding(10, 2, 2);

        // 01-06 sees the spike itself (20x); 01-07 the spike and then 1.7x; 01-08 no spike within 2 days.
        assertThat(probe(subsiding).values(subsiding)).containsExactly(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 0.0, 1.0, 0.0, 0.0, 0.0);
    }

    @Test
    void explainsAZeroMedianAndAStaleSeries() {
        DataSignal zeros = Deleveraging.longLiquidations("zeros").withBaselineDays(3).ratio();
        DataSignal oi = Deleveraging.openInterest("oi").drawdown(3);
        Probe probe = probe(zeros, oi);

        assertThat(probe.reason(zeros, JAN_1.plusDays(4)))
                .isEqualTo("zeros: the median of the 3-day baseline before 2024-01-04 is 0.0, not positive");
        assertThat(probe.reason(oi, JAN_1.plusDays(9)))
                .isEqualTo("oi: last value dated 2024-01-06, older than the 3-day maximum age at 2024-01-10");
    }

    /**
     * CryptoQuant (btc_funding_oi.csv, liquidations_daily.csv). Open interest on 2020-03-12:
     * $740.0 m, against a 30-day high of $1,838.8 m on 2020-02-18: -59.8 %. Funding stays outside
     * ±0.01 %/8 h on at least one of any three days from 03-12 until 04-02 .. 04-04 (-0.0237 on
     * 04-01, then -0.0032, -0.0001, 0.0042). Long liquidations: $1,007.1 m on 2020-03-12 against a
     * 90-day median of $17.3 m (58×), $1,050.5 m on 2025-10-10 against $24.7 m (43×); after 312
     * the ratio was 1.61 on 03-15, 9.05 on 03-16, 1.10 on 03-17, 0.51 on 03-26 and never 10 again
     * within 14 days of 03-13 (51×).
     */
    @Test
    void readsTheDeleveragingOfMarch2020AndOctober2025() {
        MarketData data = new Staged().prices("BTC-USD").series("oi", "btc_funding_oi.csv", "open_interest_usd")
                .series("funding", "btc_funding_oi.csv", "funding_rate")
                .series("long_liq", "liquidations_daily.csv", "btc_long_liq_usd")
                .data();
        DataSignal drawdown = Deleveraging.openInterest("oi").drawdown(30);
        DataSignal neutral = Deleveraging.funding("funding").neutral(3);
        Deleveraging.Liquidations liquidations = Deleveraging.longLiquidations("long_liq");
        DataSignal ratio = liquidations.ratio();
        DataSignal subsiding = liquidations.capitulationSubsiding();
        Probe probe = Probe.run(data, LocalDate.of(2020, 3, 1), LocalDate.of(2025, 10, 31), drawdown, neutral, ratio, subsiding);

        LocalDate mar13 = LocalDate.of(2020, 3, 13);
        assertThat(probe.value(drawdown, mar13)).isCloseTo(740_023_419.69582 / 1_838_832_561.41106 - 1, within(1e-12));
        for (LocalDate d = mar13; d.isBefore(LocalDate.of(2020, 4, 5)); d = d.plusDays(1)) {
            assertThat(probe.value(neutral, d)).as("funding neutral at %s", d).isEqualTo(0.0);
        }
        assertThat(probe.value(neutral, LocalDate.of(2020, 4, 5))).isEqualTo(1.0);

        assertThat(probe.value(ratio, mar13)).isCloseTo(1_007_059_150.359678 / 17_329_285.961209, within(1e-9));
        assertThat(probe.value(ratio, LocalDate.of(2025, 10, 11)))
                .isCloseTo(1_050_483_641.342303 / 24_689_661.04989, within(1e-9));
        assertThat(probe.value(subsiding, mar13)).isEqualTo(0.0);
        assertThat(probe.value(subsiding, LocalDate.of(2020, 3, 16))).isEqualTo(1.0);
        assertThat(probe.value(subsiding, LocalDate.of(2020, 3, 17))).isEqualTo(0.0);
        assertThat(probe.value(subsiding, LocalDate.of(2020, 3, 18))).isEqualTo(1.0);
        assertThat(probe.value(subsiding, LocalDate.of(2020, 3, 27))).isEqualTo(1.0);
        assertThat(probe.value(subsiding, LocalDate.of(2020, 3, 28))).isEqualTo(0.0);
    }
}

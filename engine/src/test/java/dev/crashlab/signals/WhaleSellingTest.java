package dev.crashlab.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.MarketData;
import dev.crashlab.testing.Staged;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exchange inflows against their own trailing baseline. */
class WhaleSellingTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    /** Daily inflows 01-01 .. 01-08 with a spike on 01-05; a flat series beside them. */
    private static final MarketData DATA = MarketData.builder().add(Hand.btcClock(JAN_1, 9))
            .add(Hand.daily("inflow", JAN_1, 10, 12, 8, 10, 30, 11, 9, 10))
            .add(Hand.daily("flat", JAN_1, 5, 5, 5, 5, 5, 5))
            .build();

    private static final WhaleSelling INFLOW = WhaleSelling.of("inflow").withBaselineDays(4);

    @Test
    void scoresTheLatestValueAgainstTheDaysBeforeIt() {
        DataSignal z = INFLOW.zScore();
        List<Double> values = Probe.run(DATA, JAN_1, JAN_1.plusDays(8), z).values(z);

        // Step T sees the value of T-1 against the 4 days before it, from the first covered value (01-05) on.
        assertThat(values.subList(0, 5)).containsOnly(Double.NaN);
        assertThat(values.get(5)).isCloseTo(20 / Math.sqrt(8.0 / 3), within(1e-12)); // 30 vs 10, 12, 8, 10: mean 10, s² 8/3
        assertThat(values.get(6)).isCloseTo(-4 / Math.sqrt(308.0 / 3), within(1e-12)); // 11 vs 12, 8, 10, 30: mean 15
        assertThat(values.get(7)).isCloseTo(-5.75 / Math.sqrt(314.75 / 3), within(1e-12)); // 9 vs 8, 10, 30, 11: mean 14.75
        assertThat(values.get(8)).isCloseTo(-5 / Math.sqrt(302.0 / 3), within(1e-12)); // 10 vs 10, 30, 11, 9: mean 15
    }

    @Test
    void readsTheLevelAsPublished() {
        DataSignal level = INFLOW.level();

        assertThat(Probe.run(DATA, JAN_1, JAN_1.plusDays(8), level).values(level))
                .containsExactly(Double.NaN, 10.0, 12.0, 8.0, 10.0, 30.0, 11.0, 9.0, 10.0);
    }

    @Test
    void isReleasedOnceEveryValueOfTheLastDaysScoresBelowTheThreshold() {
        DataSignal released = INFLOW.released(1, 2);

        // 01-06 sees the spike (z 12.2); 01-07 sees 01-05 and 01-06, still the spike; 01-08 sees z -0.39 and -0.56.
        assertThat(Probe.run(DATA, JAN_1, JAN_1.plusDays(8), released).values(released))
                .containsExactly(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.0, 1.0, 1.0);
        assertThat(released.name()).isEqualTo("whale.released(inflow, z<1 for 2d, 4d)");
    }

    @Test
    void explainsAnUncoveredAndAFlatBaseline() {
        DataSignal z = INFLOW.zScore();
        DataSignal flat = WhaleSelling.of("flat").withBaselineDays(4).withMaxAgeDays(1).zScore();
        Probe probe = Probe.run(DATA, JAN_1, JAN_1.plusDays(8), z, flat);

        assertThat(probe.reason(z, JAN_1.plusDays(4)))
                .isEqualTo("inflow: first value dated 2024-01-01, after 2023-12-31, the first day of the window needed");
        assertThat(probe.reason(flat, JAN_1.plusDays(5)))
                .isEqualTo("flat: the 4-day baseline before 2024-01-05 holds 4 values without spread");
        assertThat(probe.reason(flat, JAN_1.plusDays(7)))
                .isEqualTo("flat: last value dated 2024-01-06, older than the 1-day maximum age at 2024-01-08");
    }

    /**
     * CryptoQuant's exchange inflows (btc_exchange_flows.csv): 264,704.7 BTC on 2020-03-12, 9.59
     * standard deviations above the 90 days before it (computed from the file, mean and sample
     * deviation of 2019-12-13 .. 2020-03-11); the whale ratio that day 0.38146699. The z-scores of
     * 03-20 (1.61), 03-21 (-0.49), 03-22 (0.65) and 03-23 (0.69): released (3 days below 1) first
     * at the step of 03-24.
     */
    @Test
    void readsTheMarch2020InflowSpikeAndItsRelease() {
        MarketData data = new Staged().prices("BTC-USD").series("inflow", "btc_exchange_flows.csv", "exchange_inflow_btc")
                .series("whale_ratio", "btc_exchange_flows.csv", "exchange_whale_ratio").data();
        WhaleSelling inflow = WhaleSelling.of("inflow");
        DataSignal z = inflow.zScore();
        DataSignal released = inflow.released(1, 3);
        DataSignal ratio = WhaleSelling.of("whale_ratio").level();
        Probe probe = Probe.run(data, LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 31), z, released, ratio);

        LocalDate mar13 = LocalDate.of(2020, 3, 13);
        assertThat(probe.value(z, mar13)).isCloseTo(9.586013344052253, within(1e-9));
        assertThat(probe.value(ratio, mar13)).isEqualTo(0.38146699);
        for (LocalDate d = mar13; d.isBefore(LocalDate.of(2020, 3, 24)); d = d.plusDays(1)) {
            assertThat(probe.value(released, d)).as("released at %s", d).isEqualTo(0.0);
        }
        assertThat(probe.value(released, LocalDate.of(2020, 3, 24))).isEqualTo(1.0);
    }
}

package dev.crashlab.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.MarketData;
import dev.crashlab.testing.Staged;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stablecoin supply growth. */
class FreshLiquidityTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    /** A supply growing a unit a day, then 110 on 01-07; a series with no figure 01-03 .. 01-05. */
    private static final MarketData DATA = MarketData.builder().add(Hand.btcClock(JAN_1, 8))
            .add(Hand.daily("supply", JAN_1, 100, 101, 102, 103, 104, 105, 110))
            .add(Hand.series("gappy", "2024-01-01 100", "2024-01-02 100", "2024-01-06 120"))
            .build();

    @Test
    void comparesTheLatestValueWithTheValueTheGivenDaysBeforeIt() {
        DataSignal growth = FreshLiquidity.of("supply").growth(3);
        Probe probe = Probe.run(DATA, JAN_1, JAN_1.plusDays(7), growth);
        List<Double> values = probe.values(growth);

        assertThat(values.subList(0, 4)).containsOnly(Double.NaN);
        assertThat(values.get(4)).isCloseTo(103.0 / 100 - 1, within(1e-12)); // step 01-05: 01-04 over 01-01
        assertThat(values.get(5)).isCloseTo(104.0 / 101 - 1, within(1e-12));
        assertThat(values.get(6)).isCloseTo(105.0 / 102 - 1, within(1e-12));
        assertThat(values.get(7)).isCloseTo(110.0 / 103 - 1, within(1e-12));
        assertThat(probe.reason(growth, JAN_1.plusDays(3)))
                .isEqualTo("supply: first value dated 2024-01-01, after 2023-12-31, 3 days before the latest");
    }

    @Test
    void takesTheLastValueBeforeAMissingBaseDayUnlessItIsTooOld() {
        DataSignal lenient = FreshLiquidity.of("gappy").growth(3);
        DataSignal strict = FreshLiquidity.of("gappy").withMaxAgeDays(1).growth(2);
        Probe probe = Probe.run(DATA, JAN_1, JAN_1.plusDays(7), lenient, strict);

        assertThat(probe.value(lenient, JAN_1.plusDays(6))).isCloseTo(0.2, within(1e-12)); // 01-06 over 01-02, for 01-03
        assertThat(probe.reason(strict, JAN_1.plusDays(4)))
                .isEqualTo("gappy: last value dated 2024-01-02, older than the 1-day maximum age at 2024-01-05");
        assertThat(probe.reason(strict, JAN_1.plusDays(6)))
                .isEqualTo("gappy: last value on or before 2024-01-04 is dated 2024-01-02, older than the 1-day maximum age");
    }

    /**
     * DefiLlama's total stablecoin supply (stablecoin_supply.csv, US$): 7,577,518,966 on
     * 2020-04-15 against 5,358,234,343 on 2020-03-16, +41 % in the month after the March 2020
     * crash; 160,362,412,478 on 2022-05-12 against 169,414,638,130 on 2022-04-12, -5.3 % as UST
     * collapsed.
     */
    @Test
    void readsTheSupplyAfterMarch2020AndDuringTheTerraCollapse() {
        MarketData data = new Staged().prices("BTC-USD").series("stablecoins", "stablecoin_supply.csv", "total_usd").data();
        DataSignal growth = FreshLiquidity.of("stablecoins").growth(30);
        Probe probe = Probe.run(data, LocalDate.of(2020, 4, 1), LocalDate.of(2022, 5, 31), growth);

        assertThat(probe.value(growth, LocalDate.of(2020, 4, 16))).isCloseTo(7_577_518_966.0 / 5_358_234_343.0 - 1, within(1e-12));
        assertThat(probe.value(growth, LocalDate.of(2022, 5, 13))).isCloseTo(160_362_412_478.0 / 169_414_638_130.0 - 1,
                within(1e-12));
    }
}

package dev.crashlab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MaintenanceTiersTest {

    private static final MaintenanceTiers BINANCE = MaintenanceTiers.BINANCE_BTCUSDT;

    @Test
    void binancesMaintenanceAmountsMakeTheRequirementContinuousAtEveryFloor() {
        // The amounts Binance publishes beside its rates, derived here by continuity: at 50,000
        // the first two tiers must agree (200), at 250,000 the next two (1,200), and so on.
        assertThat(BINANCE.requirement(50_000)).isCloseTo(50_000 * 0.004, within(1e-9));
        assertThat(BINANCE.requirement(49_999.99)).isCloseTo(49_999.99 * 0.004, within(1e-9));
        assertThat(BINANCE.requirement(250_000)).isCloseTo(250_000 * 0.005 - 50, within(1e-9));
        assertThat(BINANCE.requirement(1_000_000)).isCloseTo(1_000_000 * 0.01 - 1_300, within(1e-9));
        assertThat(BINANCE.requirement(10_000_000)).isCloseTo(10_000_000 * 0.025 - 16_300, within(1e-9));
        for (MaintenanceTiers.Tier t : BINANCE.tiers()) {
            assertThat(BINANCE.requirement(Math.nextDown(t.floor()))).as("at %s", t.floor())
                    .isCloseTo(BINANCE.requirement(t.floor()), within(1e-6));
        }
        assertThat(BINANCE.tiers()).hasSize(10).first().isEqualTo(new MaintenanceTiers.Tier(0, 0.004));
        assertThat(BINANCE.tiers().getLast()).isEqualTo(new MaintenanceTiers.Tier(300_000_000, 0.5));
    }

    @Test
    void aFlatRateIsOneTier() {
        assertThat(MaintenanceTiers.flat(0.05).requirement(1_000)).isEqualTo(50);
        assertThat(MaintenanceTiers.flat(0.05).isFlat()).isTrue();
        assertThat(MaintenanceTiers.flat(0.05)).isEqualTo(MaintenanceTiers.of(List.of(new MaintenanceTiers.Tier(0, 0.05))));
    }

    @Test
    void refusesATableThatIsNotOne() {
        assertThatThrownBy(() -> MaintenanceTiers.of(List.of(new MaintenanceTiers.Tier(10, 0.01))))
                .hasMessage("the first maintenance tier must start at notional 0, got 10.0");
        assertThatThrownBy(() -> MaintenanceTiers.of(List.of(new MaintenanceTiers.Tier(0, 0.01), new MaintenanceTiers.Tier(0, 0.02))))
                .hasMessage("maintenance tier 1: floor 0.0 must be above the previous tier's 0.0");
        assertThatThrownBy(() -> new MaintenanceTiers.Tier(0, 1)).hasMessage("a tier's rate must be a fraction in [0, 1), got 1.0");
    }

    @Test
    void aTenTimesLongOfAFewThousandIsLiquidatedWithFourPercentOfItsMarginLeft() {
        // Equity 1,000 backs 10 units bought at 1,000 with 9,000 borrowed: backing = cash = -9,000.
        double price = BINANCE.liquidationPrice(10, -9_000);

        // 10 p − 0.004 × 10 p = 9,000  ⇒  p = 9,000 / 9.96
        assertThat(price).isCloseTo(9_000 / 9.96, within(1e-9));
        double left = -9_000 + 10 * price;
        assertThat(left / 1_000).as("share of the margin left").isCloseTo(0.0361, within(1e-4));
    }

    @Test
    void aLongPaidInFullHasNoLiquidationPriceAndAShortsIsAboveItsPrice() {
        assertThat(BINANCE.liquidationPrice(10, 0)).isNaN();
        assertThat(BINANCE.liquidationPrice(0, -5)).isNaN();
        // A short of 10 at 100 on 1,000 of equity: cash 2,000. 2,000 − 10 p − 0.004 × 10 p = 0.
        assertThat(BINANCE.liquidationPrice(-10, 2_000)).isCloseTo(2_000 / 10.04, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void theLiquidationPriceMeetsTheRequirementExactlyWhateverTheTier(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 200; k++) {
            double quantity = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-2, 5));
            double price = Math.pow(10, random.nextDouble(0, 5));
            double leverage = 1.5 + random.nextDouble() * 60;
            double equity = Math.abs(quantity) * price / leverage;
            double backing = equity - quantity * price;
            double p = BINANCE.liquidationPrice(quantity, backing);
            if (quantity > 0 && backing >= 0) {
                assertThat(p).isNaN();
                continue;
            }
            double surplus = backing + quantity * p - BINANCE.requirement(Math.abs(quantity) * p);
            assertThat(surplus).as("surplus at the liquidation price").isCloseTo(0, within(1e-9 * Math.abs(quantity) * p));
            // And it is the boundary: just beyond it (against the position) the surplus is negative.
            double beyond = quantity > 0 ? p * (1 - 1e-9) : p * (1 + 1e-9);
            assertThat(backing + quantity * beyond - BINANCE.requirement(Math.abs(quantity) * beyond)).isNegative();
        }
    }
}

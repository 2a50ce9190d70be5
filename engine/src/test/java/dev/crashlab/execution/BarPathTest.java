package dev.crashlab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BarPathTest {

    @Test
    void theNearerExtremeComesFirstAndATieGoesLowFirst() {
        assertThat(BarPath.of(100, 100, 101, 60, 70, PathRule.NEAREST_EXTREME_FIRST))
                .isEqualTo(new BarPath(100, 100, 101, 60, 70));
        assertThat(BarPath.of(100, 100, 140, 99, 130, PathRule.NEAREST_EXTREME_FIRST))
                .isEqualTo(new BarPath(100, 100, 99, 140, 130));
        assertThat(BarPath.of(100, 100, 110, 90, 100, PathRule.NEAREST_EXTREME_FIRST).first()).isEqualTo(90);
        assertThat(BarPath.of(100, 100, 110, 99, 100, PathRule.HIGH_FIRST).first()).isEqualTo(110);
        assertThat(BarPath.of(100, 100, 101, 90, 100, PathRule.LOW_FIRST).first()).isEqualTo(90);
    }

    @Test
    void withoutAPreviousCloseTheGapStartsAtTheOpen() {
        assertThat(BarPath.of(Double.NaN, 100, 110, 90, 95, PathRule.HIGH_FIRST).previous()).isEqualTo(100);
    }

    @Test
    void pricesFollowStraightLegsBetweenThePoints() {
        BarPath path = new BarPath(90, 100, 120, 80, 110);

        assertThat(path.price(0)).isEqualTo(90);
        assertThat(path.price(0.5)).isEqualTo(95);
        assertThat(path.price(1.25)).isEqualTo(105);
        assertThat(path.price(2.5)).isEqualTo(100);
        assertThat(path.price(3.5)).isEqualTo(95);
        assertThat(path.price(4)).isEqualTo(110);
        assertThat(path.fillPrice(0.5)).as("the gap fills at the open").isEqualTo(100);
    }

    @Test
    void aLevelCrossedOnALegFillsAtTheLevelWhereThePathReachesIt() {
        BarPath path = new BarPath(100, 100, 120, 80, 110);

        BarPath.Reach stopBuy = path.reach(110, false, 0);
        BarPath.Reach limitBuy = path.reach(90, true, 0);

        assertThat(stopBuy.position()).isCloseTo(1.5, within(1e-12));
        assertThat(stopBuy.price()).isEqualTo(110);
        assertThat(limitBuy.position()).isCloseTo(2.75, within(1e-12));
        assertThat(limitBuy.price()).isEqualTo(90);
        assertThat(path.reach(121, false, 0)).as("never reached").isNull();
        assertThat(path.reach(90, true, 3.5)).as("not again once past the low").isNull();
    }

    @Test
    void aLevelPassedOnTheGapFillsAtTheOpenOrderedByWhereTheGapPassedIt() {
        // Previous close 100, opens at 80: a sell stop at 95 is passed a quarter of the way, one at 85 three quarters.
        BarPath path = new BarPath(100, 80, 85, 70, 75);

        BarPath.Reach near = path.reach(95, true, 0);
        BarPath.Reach far = path.reach(85, true, 0);

        assertThat(near.position()).isCloseTo(0.25, within(1e-12));
        assertThat(far.position()).isCloseTo(0.75, within(1e-12));
        assertThat(near.price()).isEqualTo(80);
        assertThat(far.price()).isEqualTo(80);
    }

    @Test
    void aLevelTheGapPassedButTheOpenCameBackFromIsReachedOnlyOnTheBar() {
        // A buy limit at 95: the gap leg never goes below 100, the bar reaches 95 on its way to the low.
        BarPath path = new BarPath(100, 102, 110, 90, 100);

        BarPath.Reach limit = path.reach(95, true, 0);

        assertThat(limit.price()).isEqualTo(95);
        assertThat(limit.position()).isCloseTo(2 + 15.0 / 20, within(1e-12));
    }

    @Test
    void aLevelAlreadyPassedWhenTheSearchStartsIsReachedThereAtThePathsPrice() {
        BarPath path = new BarPath(100, 100, 120, 80, 110);

        BarPath.Reach reach = path.reach(115, false, 1.9);

        assertThat(reach.position()).isEqualTo(1.9);
        assertThat(reach.price()).isCloseTo(118, within(1e-12));
        assertThat(path.reach(111, true, 4)).isEqualTo(new BarPath.Reach(4, 110));
    }

    @Test
    void theBarsRangeIsItsTradedPricesNotTheGap() {
        BarPath path = new BarPath(200, 100, 120, 80, 110);

        assertThat(path.high()).isEqualTo(120);
        assertThat(path.low()).isEqualTo(80);
    }
}

package dev.crashlab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LiquidationTest {

    private static final MaintenanceTiers BINANCE = MaintenanceTiers.BINANCE_BTCUSDT;

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(0, 300);
    }

    @Test
    void aSingleLongIsLiquidatedWhereItsPathMeetsItsLiquidationPrice() {
        // 5x long: 50 units at 100 on 1,000 of equity, cash -4,000. The bar falls from 100 to 70.
        BarPath path = new BarPath(100, 100, 101, 70, 75);
        double level = BINANCE.liquidationPrice(50, -4_000);

        double x = Liquidation.crossing(-4_000, new double[] {50}, new double[] {100}, new BarPath[] {path}, BINANCE, 0);

        assertThat(path.price(x)).isCloseTo(level, within(1e-9));
        assertThat(x).isBetween(2.0, 3.0);
    }

    @Test
    void anAccountAlreadyBelowItsRequirementIsLiquidatedAtOnceAndOneNeverBelowIsNot() {
        BarPath flat = new BarPath(100, 100, 100, 100, 100);

        assertThat(Liquidation.crossing(-9_990, new double[] {100}, new double[] {100}, new BarPath[] {flat}, BINANCE, 0))
                .isEqualTo(0);
        assertThat(Liquidation.crossing(-5_000, new double[] {100}, new double[] {100}, new BarPath[] {flat}, BINANCE, 0))
                .isNaN();
    }

    @Test
    void aGapWhoseStraightLineDipsBelowTheRequirementLiquidatesNothingWhenTheOpenIsAbove() {
        // A 10x long of 80 bought at the open 120 on 1,000 of equity: well above its requirement from
        // the open on, though valued on the straight gap leg near the previous close 100 it would
        // not be; the gap does not trade.
        BarPath gap = new BarPath(100, 120, 125, 119, 124);
        double cash = 1_000 - 80 * 120;

        assertThat(Liquidation.surplus(cash, new double[] {80}, new double[] {100}, new BarPath[] {gap}, BINANCE, 0.02))
                .isNegative();
        assertThat(Liquidation.crossing(cash, new double[] {80}, new double[] {100}, new BarPath[] {gap}, BINANCE, 0))
                .isNaN();
    }

    /** Random two-instrument accounts on random paths: the crossing is where a fine scan first finds the surplus negative. */
    @ParameterizedTest
    @MethodSource("seeds")
    void theCrossingIsTheFirstPointAFineScanFindsBelowTheRequirement(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] q = new double[2];
        double[] marks = new double[2];
        BarPath[] paths = new BarPath[2];
        double cash = 0;
        for (int i = 0; i < 2; i++) {
            double p0 = 10 + random.nextDouble() * 100_000;
            q[i] = (random.nextBoolean() ? 1 : -1) * 100_000 / p0 * random.nextDouble() * 20;
            marks[i] = p0;
            cash -= q[i] * p0;
            double open = p0 * Math.exp(random.nextGaussian() * 0.02);
            double a = open * Math.exp(random.nextGaussian() * 0.1);
            double b = open * Math.exp(random.nextGaussian() * 0.1);
            double close = Math.min(Math.max(a, b), Math.max(Math.min(a, b), open * Math.exp(random.nextGaussian() * 0.05)));
            paths[i] = random.nextInt(3) == 0 ? null : new BarPath(p0, open, a, b, close);
        }
        cash += 20_000 + random.nextDouble() * 200_000;

        double x = Liquidation.crossing(cash, q, marks, paths, BINANCE, 0);

        double firstNegative = Double.NaN;
        // Nothing trades on the gap: it counts only when the account is below at the open.
        int fromK = Liquidation.surplus(cash, q, marks, paths, BINANCE, 1) >= 0 ? 100_000 : 0;
        for (int k = fromK; k <= 400_000; k++) {
            double at = k / 100_000.0;
            if (Liquidation.surplus(cash, q, marks, paths, BINANCE, at) < 0) {
                firstNegative = at;
                break;
            }
        }
        if (Double.isNaN(firstNegative)) {
            assertThat(x).isNaN();
        } else {
            assertThat(x).isCloseTo(firstNegative, within(1e-5));
            if (x > 0) {
                // A crossing inside the path is where the surplus is exactly zero; at 0 the account began below.
                assertThat(Liquidation.surplus(cash, q, marks, paths, BINANCE, x))
                        .isCloseTo(0, within(1e-7 * (Math.abs(cash) + 1)));
            }
        }
    }
}

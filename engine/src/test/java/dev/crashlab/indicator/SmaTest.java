package dev.crashlab.indicator;

import static dev.crashlab.indicator.Agreement.assertAgrees;
import static dev.crashlab.indicator.Agreement.assertAgreesWithTa4j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class SmaTest {

    // The sum is exact; this bounds only the reference's own plain summation of each window.
    private static final double DRIFT_TOLERANCE = 1e-12;
    private static final int LONG_RUN_BARS = 1_000_000;

    @Test
    void averagesTheLastBarCountCloses() {
        double[] values = TestBars.closes(1, 2, 3, 4, 5).feed(new Sma(3));

        assertThat(values).containsExactly(Double.NaN, Double.NaN, 2, 3, 4);
    }

    @Test
    void withBarCountOneIsTheClose() {
        assertThat(TestBars.closes(4, 7, 1).feed(new Sma(1))).containsExactly(4, 7, 1);
    }

    @Test
    void isNotReadyUntilTheWindowIsFull() {
        Sma sma = new Sma(3);
        TestBars.closes(1, 2).feed(sma);
        assertThat(sma.isReady()).isFalse();

        sma.update(3, 3, 3, 3, 0);
        assertThat(sma.isReady()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"1, 1", "2, 2", "3, 10", "4, 50", "5, 200"})
    void agreesWithTa4jOnARandomWalk(long seed, int barCount) {
        TestBars bars = TestBars.randomWalk(seed, 5_000);
        BarSeries series = bars.toTa4j();

        assertAgreesWithTa4j(bars.feed(new Sma(barCount)), new SMAIndicator(new ClosePriceIndicator(series), barCount),
                barCount - 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"around ten thousand, 0", "falling ten-thousandfold, 1"})
    void doesNotDriftOverAMillionBars(String path, double crashPerBar) {
        SplittableRandom random = new SplittableRandom(7);
        double[] closes = new double[LONG_RUN_BARS];
        double logPrice = Math.log(10_000);
        for (int i = 0; i < LONG_RUN_BARS; i++) {
            logPrice += 0.001 * random.nextGaussian() - crashPerBar * Math.log(10_000) / LONG_RUN_BARS;
            closes[i] = Math.exp(logPrice);
        }
        int barCount = 50;

        double[] values = TestBars.closes(closes).feed(new Sma(barCount, LONG_RUN_BARS));

        assertAgrees(values, windowMeans(closes, barCount), barCount - 1, DRIFT_TOLERANCE);
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"11, 10", "12, 30", "13, 3", "14, 200"})
    void isTheCorrectlyRoundedWindowSumOverTheBarCountEveryBar(long seed, int barCount) {
        // 4-decimal prices, as in the bench data: sums whose exact value lies near a rounding
        // boundary are where a running double sum goes wrong.
        SplittableRandom random = new SplittableRandom(seed);
        double[] closes = new double[50_000];
        double price = 100;
        for (int i = 0; i < closes.length; i++) {
            price *= Math.exp(random.nextGaussian() * 0.01);
            closes[i] = Math.round(price * 10_000) / 10_000.0;
        }

        double[] values = TestBars.closes(closes).feed(new Sma(barCount, closes.length));

        for (int i = barCount - 1; i < closes.length; i++) {
            assertThat(values[i]).as("bar %d", i).isEqualTo(correctlyRoundedSum(closes, i - barCount + 1, i + 1) / barCount);
        }
    }

    @Test
    void staysExactWhenTheClosesSpanTooManyMagnitudesForTwoDoubles() {
        double[] closes = {1e-30, 1, 1e30, 3, 1e-20, 7, 5e29, 2, 1e-30, 4, 6, 8};
        int barCount = 3;

        double[] values = TestBars.closes(closes).feed(new Sma(barCount));

        for (int i = barCount - 1; i < closes.length; i++) {
            assertThat(values[i]).as("bar %d", i).isEqualTo(correctlyRoundedSum(closes, i - barCount + 1, i + 1) / barCount);
        }
    }

    @Test
    void twoAveragesEqualInExactArithmeticCompareEqual() {
        // 0.1 + 0.2 + 0.3 summed in order is 0.6000000000000001; exactly, the mean of
        // (0.1, 0.2, 0.3) and of (0.3, 0.2, 0.1) is the same number.
        double[] up = TestBars.closes(0.1, 0.2, 0.3).feed(new Sma(3));
        double[] down = TestBars.closes(0.3, 0.2, 0.1).feed(new Sma(3));

        assertThat(up[2]).isEqualTo(down[2]);
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"21, 10", "22, 30", "23, 1", "24, 7"})
    void staysCorrectlyRoundedOnFourDecimalPricesNegativesZerosAndALeapOutOfTheIntegerRange(long seed, int barCount) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] closes = new double[3_000];
        for (int i = 0; i < closes.length; i++) {
            // Prices of four decimals, as the bench data has; zeros and negatives now and then.
            closes[i] = random.nextInt(20) == 0 ? 0 : (random.nextInt(10) == 0 ? -1 : 1) * random.nextInt(1, 3_000_000) / 1e4;
        }
        closes[2_000] = 1e30; // far above the integer sum's range: the pair of doubles takes over
        closes[2_500] = 3e-40;

        double[] values = TestBars.closes(closes).feed(new Sma(barCount));

        for (int i = barCount - 1; i < closes.length; i++) {
            assertThat(values[i]).as("bar %d", i).isEqualTo(correctlyRoundedSum(closes, i - barCount + 1, i + 1) / barCount);
        }
    }

    @Test
    void aFirstCloseOfZeroDoesNotFixTheScale() {
        double[] closes = {0, 0, 1e-3, 7.25, 1e-3, 12.5};

        double[] values = TestBars.closes(closes).feed(new Sma(2));

        for (int i = 1; i < closes.length; i++) {
            assertThat(values[i]).as("bar %d", i).isEqualTo(correctlyRoundedSum(closes, i - 1, i + 1) / 2);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"31", "32", "33", "34"})
    void roundsA128BitIntegerToTheNearestDoubleTiesToEven(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 20_000; k++) {
            long high = switch (k % 4) {
                case 0 -> 0;
                case 1 -> random.nextLong() >> random.nextInt(64);
                case 2 -> random.nextBoolean() ? -1 : 0; // around zero, from either side
                default -> random.nextLong();
            };
            long low = random.nextLong();
            if (k % 7 == 0) {
                low = tie(high, low);
            }
            int scale = random.nextInt(-200, 200);
            java.math.BigDecimal exact = new java.math.BigDecimal(new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                    .putLong(high).putLong(low).array()).subtract(high < 0 ? java.math.BigInteger.ONE.shiftLeft(128)
                    : java.math.BigInteger.ZERO)).multiply(new java.math.BigDecimal(Math.scalb(1.0, scale)));

            assertThat(Sma.toDouble(high, low, scale)).as("%x:%x × 2^%d", high, low, scale).isEqualTo(exact.doubleValue());
        }
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"41, 10", "42, 30", "43, 1", "44, 2", "45, 200"})
    void updateAllGivesWhatUpdateGivesAndTheCorrectlyRoundedMeanInAnyChunks(long seed, int barCount) {
        // Positive closes, as a series holds: four-decimal prices, and leaps out of the integer
        // sum's range (huge, tiny, subnormal) after which the pair of doubles takes over.
        SplittableRandom random = new SplittableRandom(seed);
        double[] closes = new double[4_000];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = random.nextInt(1, 3_000_000) / 1e4;
        }
        int leapAt = random.nextInt(1_000, 3_000);
        closes[leapAt] = new double[] {1e30, 3e-40, 1e300, Double.MIN_VALUE, 0x1p-1000}[(int) (seed % 5)];
        TestBars bars = TestBars.closes(closes);
        double[] pushedOneByOne = bars.feed(new Sma(barCount));

        Sma sma = pushedInChunks(bars, barCount, random, 700);

        assertThat(sma.size()).isEqualTo(closes.length);
        for (int i = 0; i < closes.length; i++) {
            double value = sma.value(closes.length - 1 - i);
            // Boxed: Double.equals tells NaN from NaN equal and 0.0 from -0.0 apart.
            assertThat(Double.valueOf(value)).as("bar %d", i).isEqualTo(Double.valueOf(pushedOneByOne[i]));
            if (i >= barCount - 1) {
                assertThat(value).as("bar %d", i).isEqualTo(correctlyRoundedSum(closes, i - barCount + 1, i + 1) / barCount);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"51, 10", "52, 30", "53, 1", "54, 2", "55, 31", "56, 32", "57, 1023", "58, 1024", "59, 3"})
    void updateAllInLongBlocksGivesWhatUpdateGivesWithTiesSpikesAndBinadeChanges(long seed, int barCount) {
        // Full random mantissas in a few binades, so that the window sums' rounding often drops
        // exactly a half (a tie); the level drifts across binades (the long's unit changes
        // between blocks); now and then a spike far within the 128-bit range but beyond a
        // long's spread, a constant stretch, and a close that leaves the integer sum.
        SplittableRandom random = new SplittableRandom(seed);
        double[] closes = new double[30_000];
        double level = 100;
        for (int i = 0; i < closes.length; i++) {
            level *= Math.exp(random.nextGaussian() * 0.002);
            double mantissa = 1 + random.nextLong(1L << 52) * 0x1p-52;
            closes[i] = Math.scalb(mantissa, Math.getExponent(level) - random.nextInt(0, 3));
            if (random.nextInt(5_000) == 0) {
                closes[i] *= random.nextBoolean() ? 1 << 20 : 0x1p-20;
            }
        }
        int stretch = random.nextInt(5_000, 20_000);
        java.util.Arrays.fill(closes, stretch, stretch + 3 * barCount + 50, 0.1);
        if (seed % 3 == 0) {
            closes[25_000] = 1e300;
        }
        TestBars bars = TestBars.closes(closes);
        double[] pushedOneByOne = bars.feed(new Sma(barCount));

        Sma sma = pushedInChunks(bars, barCount, random, 6_000);

        assertThat(sma.size()).isEqualTo(closes.length);
        int ties = 0;
        for (int i = 0; i < closes.length; i++) {
            double value = sma.value(closes.length - 1 - i);
            assertThat(Double.valueOf(value)).as("bar %d", i).isEqualTo(Double.valueOf(pushedOneByOne[i]));
            if (i >= barCount - 1 && i % 97 == 0) {
                java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
                for (int j = i - barCount + 1; j <= i; j++) {
                    exact = exact.add(new java.math.BigDecimal(closes[j]));
                }
                double rounded = exact.doubleValue();
                java.math.BigDecimal error = exact.subtract(new java.math.BigDecimal(rounded)).abs();
                if (error.signum() != 0 && error.compareTo(new java.math.BigDecimal(Math.ulp(rounded) / 2)) == 0) {
                    ties++;
                }
                assertThat(value).as("bar %d", i).isEqualTo(rounded / barCount);
            }
        }
        // The stretch of equal closes: every average over it is the close itself, fast or slow.
        int inside = stretch + 3 * barCount + 49;
        assertThat(sma.value(closes.length - 1 - inside)).isEqualTo(0.1 * barCount / barCount);
        if (barCount > 1 && barCount <= 32) {
            // A sum of up to 32 such closes drops at most a few bits when rounded: a tie is common.
            assertThat(ties).as("window sums that are ties").isPositive();
        }
    }

    @Test
    void roundsHandPicked128BitIntegersAtTheEdgesOfTheFastPath() {
        long[][] integers = {
                {0, 0}, {0, 1}, {-1, -1}, {0, -1}, {-1, 0}, {1, 0}, {Long.MAX_VALUE, -1}, {Long.MIN_VALUE, 0},
                {Long.MIN_VALUE, 1}, {0, 1L << 53}, {0, (1L << 53) + 1}, {0, (1L << 54) + 2}, {0, (1L << 54) + 6},
                {0, (1L << 54) + 3}, {0, Long.MAX_VALUE}, {0, Long.MIN_VALUE}, {1, 1}, {1L << 52, 0},
                {(1L << 53) - 1, -1}, {(1L << 53) - 1, Long.MIN_VALUE}, {(1L << 53) - 1, Long.MIN_VALUE + 1},
                {(1L << 52) + 1, Long.MIN_VALUE}, {(1L << 52) + 3, Long.MIN_VALUE}, {3, 1L << 54},
                {-(1L << 52) - 1, Long.MIN_VALUE}, {-2, Long.MIN_VALUE}, {-3, 1},
        };
        int[] scales = {0, -64, 64, -200, 200, -1022, -1074, -1085, -1086, -1150, -1200, 894, 895, 896, 959, 960, 961, 1023};
        for (long[] integer : integers) {
            for (int scale : scales) {
                assertRoundsAsBigDecimal(integer[0], integer[1], scale);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"51", "52", "53"})
    void roundsRandom128BitIntegersWithScalesAcrossTheWholeExponentRange(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 20_000; k++) {
            long high = random.nextLong() >> random.nextInt(64);
            long low = random.nextLong();
            if (k % 3 == 0) {
                // A tie or a near tie at the rounding position, from either side.
                long tie = tie(high, low);
                low = tie == low ? low : tie + random.nextInt(-1, 2);
            }
            assertRoundsAsBigDecimal(high, low, random.nextInt(-1_250, 1_100));
        }
    }

    /**
     * Returns {@code low} made a tie of {@code high:low} when the rounding position falls in it:
     * the bit below the 53 kept from the top one, then zeros.
     */
    private static long tie(long high, long low) {
        int length = high != 0 ? 128 - Long.numberOfLeadingZeros(high < 0 ? ~high : high) : 64;
        int tieAt = Math.max(0, length - 54);
        return tieAt < 64 ? ((low & -(1L << tieAt)) | (1L << tieAt)) & ~((1L << tieAt) - 1) : low;
    }

    /**
     * Asserts that {@link Sma#toDouble} rounds {@code high:low × 2^scale} to 53 bits, ties to
     * even, as BigInteger arithmetic does, and gives NaN exactly where that value's exponent is
     * outside the normal range; where it is inside, the double is also BigDecimal's.
     */
    private static void assertRoundsAsBigDecimal(long high, long low, int scale) {
        java.math.BigInteger integer = new java.math.BigInteger(java.nio.ByteBuffer.allocate(16).putLong(high).putLong(low).array());
        double actual = Sma.toDouble(high, low, scale);
        String label = String.format("%x:%x × 2^%d", high, low, scale);
        if (integer.signum() == 0) {
            assertThat(Double.doubleToRawLongBits(actual)).as(label).isZero();
            return;
        }
        java.math.BigInteger magnitude = integer.abs();
        int shift = Math.max(0, magnitude.bitLength() - 53);
        java.math.BigInteger top = magnitude.shiftRight(shift);
        if (shift > 0) {
            java.math.BigInteger rest = magnitude.subtract(top.shiftLeft(shift));
            int versusHalf = rest.compareTo(java.math.BigInteger.ONE.shiftLeft(shift - 1));
            if (versusHalf > 0 || versusHalf == 0 && top.testBit(0)) {
                top = top.add(java.math.BigInteger.ONE);
            }
        }
        int exponent = top.bitLength() - 1 + shift + scale;
        if (exponent < Double.MIN_EXPONENT || exponent > Double.MAX_EXPONENT) {
            assertThat(actual).as(label).isNaN();
            return;
        }
        double expected = integer.signum() * Math.scalb(top.doubleValue(), shift + scale);
        java.math.BigDecimal exact = new java.math.BigDecimal(integer);
        exact = scale >= 0 ? exact.multiply(new java.math.BigDecimal(java.math.BigInteger.ONE.shiftLeft(scale)))
                : exact.divide(new java.math.BigDecimal(java.math.BigInteger.ONE.shiftLeft(-scale)));
        assertThat(expected).as(label).isEqualTo(exact.doubleValue());
        assertThat(actual).as(label).isEqualTo(expected);
    }

    /** Returns the sum of {@code values[from..to)} computed exactly in decimal, rounded once to the nearest double. */
    private static double correctlyRoundedSum(double[] values, int from, int to) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (int j = from; j < to; j++) {
            sum = sum.add(new java.math.BigDecimal(values[j]));
        }
        return sum.doubleValue();
    }

    @Test
    void refusesABarCountBelowOne() {
        assertThatThrownBy(() -> new Sma(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sma barCount must be at least 1, got 0");
    }

    @Test
    void refusesANegativeCapacityHint() {
        assertThatThrownBy(() -> new Sma(3, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sma capacityHint must be at least 0, got -1");
    }

    /** Returns a new average given every bar of {@code bars} by updateAll, in random chunks of up to {@code maxChunk} bars. */
    private static Sma pushedInChunks(TestBars bars, int barCount, SplittableRandom random, int maxChunk) {
        Sma sma = new Sma(barCount, 16);
        dev.crashlab.data.OhlcvSeries series = bars.toSeries();
        for (int from = 0; from < bars.size(); ) {
            int to = Math.min(bars.size(), from + random.nextInt(1, maxChunk));
            sma.updateAll(series, from, to);
            from = to;
        }
        return sma;
    }

    /** Returns each window's mean summed afresh, so no error carries over from bar to bar. */
    private static double[] windowMeans(double[] closes, int barCount) {
        double[] means = new double[closes.length];
        for (int i = barCount - 1; i < closes.length; i++) {
            double sum = 0;
            for (int j = i - barCount + 1; j <= i; j++) {
                sum += closes[j];
            }
            means[i] = sum / barCount;
        }
        return means;
    }
}

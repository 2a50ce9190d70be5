package dev.crashlab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.Symbol;
import dev.crashlab.testing.TestTimes;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each metric on a tiny equity curve, computed by hand in the test. */
class PerformanceMetricsTest {

    /** Hand computations use the same operations; only summation order may differ. */
    private static final double EXACT = 1e-12;
    private static final long DAY = 86_400_000L;

    private static long[] days(int n) {
        return TestTimes.daily(n);
    }

    private static java.util.function.IntToLongFunction timeOf(long[] times) {
        return t -> times[t];
    }

    private static Metrics compute(double[] equity, double[] contributed, double initialCash, List<Trade> trades,
            double[] benchmark) {
        int investedSteps = 2;
        return PerformanceMetrics.compute(new PerformanceMetrics.Input(timeOf(days(equity.length)), equity, contributed,
                initialCash, 365, 0, investedSteps, 250, 1.5, 0.25, 0, trades, benchmark,
                benchmark == null ? null : new double[equity.length]));
    }

    @Test
    void periodReturnsAddEachFlowToThePreviousEquity() {
        double[] r = PerformanceMetrics.periodReturns(new double[] {100, 110, 220, 198}, new double[] {0, 0, 100, 100});

        assertThat(r).containsExactly(new double[] {0.1, 10.0 / 210, -0.1}, within(EXACT));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {61, 62, 63})
    void aPeriodReturnIsAtLeastMinusOneAsMathMaxGivesItToTheBit(long seed) {
        // Losses past a total one, zero and negative bases, NaN and infinite equity, returns of -0.0.
        double[] special = {0.0, -0.0, -1.0, 1.0, -5.0, 1e-300, -1e-300, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 100.0, 99.99999999999999};
        SplittableRandom random = new SplittableRandom(seed);
        int n = 5_000;
        double[] equity = new double[n];
        double[] contributed = new double[n];
        for (int t = 0; t < n; t++) {
            equity[t] = random.nextInt(4) == 0 ? special[random.nextInt(special.length)] : random.nextDouble(-50, 200);
            contributed[t] = (t == 0 ? 0 : contributed[t - 1]) + (random.nextInt(5) == 0 ? random.nextDouble(-20, 20) : 0);
        }

        for (double[] flows : new double[][] {null, contributed}) {
            double[] r = PerformanceMetrics.periodReturns(equity, flows);
            for (int t = 1; t < n; t++) {
                double base = flows == null ? equity[t - 1] : equity[t - 1] + flows[t] - flows[t - 1];
                double expected = base > 0 ? Math.max(-1, equity[t] / base - 1) : 0;
                // Boxed: Double.equals tells NaN equal to NaN and -0.0 apart from 0.0.
                assertThat(Double.valueOf(r[t - 1])).as("step %d", t).isEqualTo(Double.valueOf(expected));
            }
        }
    }

    @Test
    void computesReturnVolatilityAndRatiosByTheDocumentedFormulas() {
        double[] equity = {100, 110, 99, 108.9, 119.79};
        Metrics m = compute(equity, new double[5], 100, List.of(), null);

        double[] r = {0.1, -0.1, 0.1, 0.1};
        double mean = (0.1 - 0.1 + 0.1 + 0.1) / 4;
        double var = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / 3);
        assertThat(m.totalReturn()).isCloseTo(1.1 * 0.9 * 1.1 * 1.1 - 1, within(EXACT));
        double cagr = Math.pow(1.1 * 0.9 * 1.1 * 1.1, 365.25 / 4) - 1;
        assertThat(m.cagr()).isCloseTo(cagr, within(EXACT * cagr));
        assertThat(m.volatility()).isCloseTo(sd * Math.sqrt(365), within(EXACT));
        assertThat(m.sharpe()).isCloseTo(mean / sd * Math.sqrt(365), within(EXACT));
        assertThat(m.sortino()).isCloseTo(mean / Math.sqrt(0.01 / 4) * Math.sqrt(365), within(EXACT));
        assertThat(m.maxDrawdown()).isCloseTo(-0.1, within(EXACT));
        assertThat(m.maxDrawdownDays()).isEqualTo(3); // peak on day 1, under water until day 4
        assertThat(m.calmar()).isCloseTo(m.cagr() / 0.1, within(EXACT * cagr));
        assertThat(m.exposure()).isCloseTo(2.0 / 5, within(EXACT));
        assertThat(m.turnover()).isCloseTo(250 / ((100 + 110 + 99 + 108.9 + 119.79) / 5), within(EXACT));
        assertThat(m.feesPaid()).isEqualTo(1.5);
        assertThat(m.fundingPaid()).isEqualTo(0.25);
        assertThat(m.profit()).isCloseTo(19.79, within(1e-9));
    }

    @Test
    void countsDrawdownDaysFromPeakToRecoveryOrToTheEnd() {
        // peaks: day 0 (100); under water days 1-2, recovered day 3; new peak day 4, never recovered.
        double[] equity = {100, 90, 95, 101, 120, 100, 110};
        Metrics m = compute(equity, new double[7], 100, List.of(), null);

        assertThat(m.maxDrawdown()).isCloseTo(100.0 / 120 - 1, within(EXACT));
        assertThat(m.maxDrawdownDays()).isEqualTo(3); // day 0 -> day 3 beats day 4 -> day 6 (2 days)
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {71, 72, 73, 74})
    void theDeepestAndLongestDrawdownAreThoseOfTheBranchingTrackerToTheBit(long seed) {
        // A trading curve (flat while out of the market, a random walk while in), irregular times,
        // and now and then a NaN or a total loss.
        SplittableRandom random = new SplittableRandom(seed);
        int n = 20_000;
        double[] equity = new double[n];
        long[] times = new long[n];
        double e = 100;
        boolean in = false;
        for (int t = 0; t < n; t++) {
            in ^= random.nextInt(20) == 0;
            e = in ? e * (1 + 0.01 * random.nextGaussian()) : e;
            equity[t] = random.nextInt(5_000) == 0 ? (seed % 2 == 0 ? Double.NaN : 0) : e;
            times[t] = t == 0 ? 0 : times[t - 1] + 60_000L * random.nextInt(1, 4_000);
        }
        Metrics m = PerformanceMetrics.compute(new PerformanceMetrics.Input(timeOf(times), equity, null, 100, 365, 0, 0,
                0, 0, 0, 0, List.of(), null, null));

        // The tracker as it was: a branch on each step being a new peak, the longest in days.
        double peak = 1;
        long peakTime = times[0];
        double max = 0;
        double trough = 1;
        double longest = 0;
        boolean under = false;
        double index = 1;
        double[] r = PerformanceMetrics.periodReturns(equity, null);
        for (int t = 1; t < n; t++) {
            index *= 1 + r[t - 1];
            if (index >= peak) {
                if (under) {
                    longest = Math.max(longest, (times[t] - peakTime) / (double) DAY);
                    under = false;
                }
                peak = index;
                peakTime = times[t];
                trough = peak * (1 + max);
            } else {
                under = true;
                if (index < trough) {
                    max = Math.min(max, index / peak - 1);
                    trough = peak * (1 + max);
                }
            }
        }
        longest = under ? Math.max(longest, (times[n - 1] - peakTime) / (double) DAY) : longest;

        assertThat(Double.valueOf(m.maxDrawdown())).isEqualTo(Double.valueOf(max));
        assertThat(Double.valueOf(m.maxDrawdownDays())).isEqualTo(Double.valueOf(longest));
    }

    @Test
    void computesTheMoneyWeightedReturnAsAnXirrOnDatedFlows() {
        // 100 at day 0, 100 more at day 1, 210 at day 365: solve -100 - 100 v^(1/365) + 210 v = 0.
        long[] times = {0, DAY, 365 * DAY};
        double x = PerformanceMetrics.xirr(t -> times[t], times.length, new double[] {0, 100, 100}, 100, 210, true);

        double npv = -100 - 100 * Math.pow(1 + x, -1.0 / 365) + 210 * Math.pow(1 + x, -1.0);
        assertThat(npv).isCloseTo(0, within(1e-9));
        assertThat(x).isBetween(0.05, 0.051);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void theMoneyWeightedReturnIsTheSameToTheBitWithCheapSignsAsWithExactNpvsOnly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 300; k++) {
            int n = 2 + random.nextInt(k % 3 == 0 ? 4_000 : 400);
            long[] times = new long[n];
            double[] contributed = new double[n];
            long gap = (1 + random.nextInt(7)) * DAY;
            double amount = random.nextInt(4) == 0 ? random.nextDouble(-50, 200) : 100;
            for (int t = 1; t < n; t++) {
                // Mostly regular flows, as contributions are, with irregular gaps, pauses and withdrawals.
                times[t] = times[t - 1] + (random.nextInt(20) == 0 ? random.nextLong(1, 40 * DAY) : gap);
                double flow = random.nextInt(10) == 0 ? 0 : (random.nextInt(30) == 0 ? -amount / 2 : amount);
                contributed[t] = contributed[t - 1] + flow;
            }
            double initialCash = random.nextBoolean() ? 0 : random.nextDouble(0, 1e6);
            double paidIn = initialCash + contributed[n - 1];
            // Final equity from a total loss to a hundredfold, the break-even exactly now and then.
            double finalEquity = switch (random.nextInt(6)) {
                case 0 -> 0;
                case 1 -> paidIn;
                case 2 -> -random.nextDouble(0, 100);
                default -> paidIn * Math.exp(random.nextDouble(-5, 5));
            };
            double cheap = PerformanceMetrics.xirr(t -> times[t], n, contributed, initialCash, finalEquity, true);
            double exact = PerformanceMetrics.xirr(t -> times[t], n, contributed, initialCash, finalEquity, false);

            assertThat(Double.doubleToRawLongBits(cheap)).as("case %d: %s against %s", k, cheap, exact)
                    .isEqualTo(Double.doubleToRawLongBits(exact));
        }
    }

    /** Returns the metrics of an equity curve at the given times with the given cumulative flows (or none). */
    private static Metrics computeAt(long[] times, double[] equity, double[] contributed, double initialCash) {
        return PerformanceMetrics.compute(new PerformanceMetrics.Input(timeOf(times), equity, contributed, initialCash, 365,
                0, 0, 0, 0, 0, 0, List.of(), null, null));
    }

    @Test
    void solvesTheMoneyWeightedReturnOfANearTotalLossBelowMinus0point999999() {
        // 10,000 falls to 0.001 in 300 days: 1 + x = (1e-7)^(365/300), about 3.0e-9.
        double years = 300 / 365.0;
        double x = computeAt(new long[] {0, 300 * DAY}, new double[] {10_000, 0.001}, null, 10_000).moneyWeightedReturn();

        assertThat(x).isNotNaN().isLessThan(-0.999999);
        assertThat(x).isCloseTo(Math.expm1(Math.log(0.001 / 10_000) / years), within(1e-15));
        // Near -1 a double holds 1 + x to about 1e-16 / 3e-9, 4e-8 relative: the 10,000 discounted
        // back moves by about 3e-4, so 1e-2 (1e-6 of the flows) is "zero".
        double npv = -10_000 + 0.001 * Math.pow(1 + x, -years);
        assertThat(npv).isCloseTo(0, within(1e-2));

        // In 30 days 1 + x is about 7e-86, far below the spacing of doubles near -1: x rounds to -1.
        double month = computeAt(new long[] {0, 30 * DAY}, new double[] {10_000, 0.001}, null, 10_000).moneyWeightedReturn();
        assertThat(month).isNotNaN().isLessThan(-0.999999).isEqualTo(-1.0);
    }

    @Test
    void theMoneyWeightedReturnOfATotalLossIsMinusOne() {
        double[] contributed = {0, 100, 200};
        assertThat(computeAt(new long[] {0, 30 * DAY}, new double[] {10_000, 0}, null, 10_000).moneyWeightedReturn())
                .isEqualTo(-1.0);
        assertThat(computeAt(new long[] {0, 30 * DAY, 60 * DAY}, new double[] {10_000, 5_000, -3}, contributed, 10_000)
                .moneyWeightedReturn()).isEqualTo(-1.0);
    }

    @Test
    void aFinalEquityOfZeroAfterWithdrawingMoreThanWasPaidInIsSolvedNotCalledATotalLoss() {
        // 100 in, 150 out after half a year, nothing left: -100 + 150 (1 + x)^-0.5 = 0, x = 1.25.
        long half = 365 * DAY / 2;
        double x = computeAt(new long[] {0, half, 365 * DAY}, new double[] {100, 0, 0}, new double[] {0, -150, -150}, 100)
                .moneyWeightedReturn();

        assertThat(x).isCloseTo(1.25, within(1e-14));
    }

    @Test
    void theMoneyWeightedReturnOfDoublingInAYearWithoutFlowsIsOne() {
        double x = computeAt(new long[] {0, 365 * DAY}, new double[] {100, 200}, null, 100).moneyWeightedReturn();

        assertThat(x).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void theMoneyWeightedReturnWithMonthlyContributionsMatchesABruteForceRoot() {
        // 1,000 at the start, 100 paid in every 30 days for a year, 2,500 at the end.
        int n = 13;
        long[] times = new long[n];
        double[] equity = new double[n];
        double[] contributed = new double[n];
        for (int t = 0; t < n; t++) {
            times[t] = t * 30 * DAY;
            contributed[t] = 100.0 * t;
            equity[t] = (1_000 + contributed[t]) * (1 + 0.01 * t);
        }
        equity[n - 1] = 2_500;
        double x = computeAt(times, equity, contributed, 1_000).moneyWeightedReturn();

        // The brute force: bisection on x itself, with the NPV in powers of 1 + x, until the
        // bracket stops shrinking; the root, about 0.15, is then held to a few units in the last place.
        java.util.function.DoubleUnaryOperator npv = rate -> {
            double sum = -1_000;
            for (int t = 1; t < n; t++) {
                sum -= 100 * Math.pow(1 + rate, -(t * 30) / 365.0);
            }
            return sum + 2_500 * Math.pow(1 + rate, -(12 * 30) / 365.0);
        };
        double lo = -0.5;
        double hi = 1;
        for (int k = 0; k < 10_000 && Math.nextUp(lo) < hi; k++) {
            double mid = lo + (hi - lo) / 2;
            if (npv.applyAsDouble(mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertThat(x).isBetween(0.1, 0.3).isCloseTo(lo, within(1e-12));
    }

    @Test
    void computesTradeStatisticsOverClosedTradesOnly() {
        Symbol s = Symbol.of("BTC-USD");
        Instant t = Instant.EPOCH;
        List<Trade> trades = List.of(
                new Trade(s, Trade.Side.LONG, t, t, 10, 12, 1, 2, 0.2, 0, 1, false, false),
                new Trade(s, Trade.Side.LONG, t, t, 10, 9, 1, -1, -0.1, 0, 1, false, false),
                new Trade(s, Trade.Side.SHORT, t, t, 10, 7, 1, 3, 0.3, 0, 1, false, false),
                new Trade(s, Trade.Side.LONG, t, t, 10, 20, 1, 10, 1.0, 0, 1, true, false));
        Metrics m = compute(new double[] {100, 100, 100}, new double[3], 100, trades, null);

        assertThat(m.trades()).isEqualTo(3);
        assertThat(m.winRate()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(m.profitFactor()).isCloseTo(5, within(EXACT));
        assertThat(m.averageWin()).isCloseTo(0.25, within(EXACT));
        assertThat(m.averageLoss()).isCloseTo(-0.1, within(EXACT));
        assertThat(m.bestTrade()).isEqualTo(0.3);
        assertThat(m.worstTrade()).isEqualTo(-0.1);
    }

    @Test
    void computesBetaAndCorrelationAgainstTheBenchmark() {
        double[] bench = {100, 110, 99, 108.9};
        double[] equity = {100, 120, 96, 115.2}; // twice the benchmark's returns
        Metrics m = compute(equity, new double[4], 100, List.of(), bench);

        assertThat(m.beta()).isCloseTo(2, within(1e-9));
        assertThat(m.correlation()).isCloseTo(1, within(1e-9));
    }

    @Test
    void leavesUndefinedFiguresAsNaN() {
        Metrics m = compute(new double[] {100, 100, 100}, new double[3], 100, List.of(), null);

        assertThat(m.sharpe()).isNaN();
        assertThat(m.sortino()).isNaN();
        assertThat(m.calmar()).isNaN();
        assertThat(m.winRate()).isNaN();
        assertThat(m.beta()).isNaN();
        assertThat(m.totalReturn()).isZero();
    }

    @Test
    void volatilityBetaAndCorrelationAgreeWithTwoPassesOnALongCurve() {
        int n = 100_000;
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        double[] equity = new double[n];
        double[] benchmark = new double[n];
        equity[0] = 1_000;
        benchmark[0] = 1_000;
        for (int t = 1; t < n; t++) {
            double market = 0.01 * random.nextGaussian();
            benchmark[t] = benchmark[t - 1] * (1 + market);
            equity[t] = equity[t - 1] * (1 + 0.0002 + 0.8 * market + 0.005 * random.nextGaussian());
        }
        Metrics m = PerformanceMetrics.compute(new PerformanceMetrics.Input(timeOf(days(n)), equity, new double[n], 1_000, 365,
                0, 0, 0, 0, 0, 0, List.of(), benchmark, new double[n]));

        double[] r = PerformanceMetrics.periodReturns(equity, new double[n]);
        double[] b = PerformanceMetrics.periodReturns(benchmark, new double[n]);
        double meanR = java.util.Arrays.stream(r).sum() / r.length;
        double meanB = java.util.Arrays.stream(b).sum() / b.length;
        double varR = 0;
        double varB = 0;
        double cov = 0;
        for (int t = 0; t < r.length; t++) {
            varR += (r[t] - meanR) * (r[t] - meanR);
            varB += (b[t] - meanB) * (b[t] - meanB);
            cov += (r[t] - meanR) * (b[t] - meanB);
        }
        double volatility = Math.sqrt(varR / (r.length - 1)) * Math.sqrt(365);
        assertThat(m.volatility()).isCloseTo(volatility, within(EXACT * volatility));
        assertThat(m.beta()).isCloseTo(cov / varB, within(EXACT));
        assertThat(m.correlation()).isCloseTo(cov / Math.sqrt(varR * varB), within(EXACT));
    }
}

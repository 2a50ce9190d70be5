package dev.crashlab.metrics;

import java.util.List;

/**
 * Computes {@link Metrics} from an equity curve, its external flows and its trades, with the
 * conventions stated on {@link Metrics}. Pure functions over arrays: the same input always gives
 * the same figures.
 */
public final class PerformanceMetrics {

    private static final double DAY_MILLIS = 86_400_000.0;

    private PerformanceMetrics() {
    }

    /**
     * The inputs of the computation.
     *
     * @param times          the time of each step, UTC epoch milliseconds, increasing
     * @param equity         equity at each step's close
     * @param contributed    cumulative external flows up to and including each step; {@code null}
     *                       when there are none
     * @param initialCash    cash before the first step
     * @param periodsPerYear P
     * @param riskFreeRate   annual risk-free rate for the Sharpe ratio
     * @param investedSteps  how many steps ended with a position
     * @param tradedNotional sum of |quantity × price| over all fills
     * @param feesPaid       fees paid
     * @param fundingPaid    carry paid
     * @param liquidations   number of liquidations
     * @param trades         the round trips, open ones included
     * @param benchmark      the benchmark's equity at the same steps, or {@code null}
     * @param benchmarkContributed the benchmark's cumulative flows, or {@code null}
     */
    public record Input(java.util.function.IntToLongFunction times, double[] equity, double[] contributed, double initialCash,
            double periodsPerYear, double riskFreeRate, int investedSteps, double tradedNotional, double feesPaid,
            double fundingPaid, int liquidations, List<Trade> trades, double[] benchmark, double[] benchmarkContributed) {
    }

    /** Returns the period returns r<sub>1</sub>..r<sub>N−1</sub> of {@code equity} with flows from {@code contributed}. */
    public static double[] periodReturns(double[] equity, double[] contributed) {
        int n = equity.length;
        double[] r = new double[Math.max(0, n - 1)];
        for (int t = 1; t < n; t++) {
            r[t - 1] = periodReturn(equity, contributed, t);
        }
        return r;
    }

    /**
     * Returns the period return r<sub>t</sub> (t >= 1): equity over the previous equity plus the flow
     * at t, minus 1; 0 without capital at risk, and at least −1, since equity falls below zero only
     * through a gap past a liquidation, a total loss.
     */
    private static double periodReturn(double[] equity, double[] contributed, int t) {
        double base = contributed == null ? equity[t - 1] : equity[t - 1] + contributed[t] - contributed[t - 1];
        double r = equity[t] / base - 1;
        // Math.max(-1, r), NaN and -0.0 included, without its NaN and signed-zero handling: a
        // third of the metrics' pass when it was Math.max.
        return base > 0 ? (r < -1 ? -1 : r) : 0;
    }

    /**
     * Returns the metrics of {@code in}, in one pass over the curve and with no array as long as
     * it. Sums run in step order. Deviations from the mean are summed as deviations from the first
     * return, corrected by the mean's offset from it (the shifted-data algorithm), which agrees
     * with two passes to rounding: returns vary much more than their mean differs from the first.
     */
    public static Metrics compute(Input in) {
        double[] equity = in.equity();
        double[] contributed = in.contributed();
        double[] bench = in.benchmark();
        double[] benchContributed = in.benchmarkContributed();
        java.util.function.IntToLongFunction times = in.times();
        int n = equity.length;
        int m = Math.max(0, n - 1);
        double p = in.periodsPerYear();
        double growth = 1;
        double sum = 0;
        double downside = 0;
        double equitySum = 0;
        DrawdownTracker dd = new DrawdownTracker(n == 0 ? 0 : times.applyAsLong(0));
        double shift = n < 2 ? 0 : periodReturn(equity, contributed, 1);
        double shiftB = bench == null || n < 2 ? 0 : periodReturn(bench, benchContributed, 1);
        double shifted = 0;
        double shiftedSquares = 0;
        double shiftedB = 0;
        double shiftedSquaresB = 0;
        double shiftedProducts = 0;
        for (int t = 0; t < n; t++) {
            equitySum += equity[t];
            if (t > 0) {
                double x = periodReturn(equity, contributed, t);
                growth *= 1 + x;
                sum += x;
                double d = Math.min(x, 0);
                downside += d * d;
                dd.next(growth, times, t);
                double dx = x - shift;
                shifted += dx;
                shiftedSquares += dx * dx;
                if (bench != null) {
                    double db = periodReturn(bench, benchContributed, t) - shiftB;
                    shiftedB += db;
                    shiftedSquaresB += db * db;
                    shiftedProducts += dx * db;
                }
            }
        }
        double totalReturn = growth - 1;
        double days = n < 2 ? 0 : (times.applyAsLong(n - 1) - times.applyAsLong(0)) / DAY_MILLIS;
        double cagr = days <= 0 ? Double.NaN : (growth <= 0 ? -1 : Math.pow(growth, 365.25 / days) - 1);
        double mean = m == 0 ? Double.NaN : sum / m;
        // Σ (x − mean)² and its benchmark counterparts, from the sums about the shifts.
        double squares = m == 0 ? 0 : Math.max(0, shiftedSquares - shifted * shifted / m);
        double varB = m == 0 ? 0 : Math.max(0, shiftedSquaresB - shiftedB * shiftedB / m);
        double cov = m == 0 ? 0 : shiftedProducts - shifted * shiftedB / m;
        double stdev = m < 2 ? Double.NaN : Math.sqrt(squares / (m - 1));
        double volatility = stdev * Math.sqrt(p);
        double sharpe = stdev > 0 ? (mean - in.riskFreeRate() / p) / stdev * Math.sqrt(p) : Double.NaN;
        downside = m == 0 ? Double.NaN : Math.sqrt(downside / m);
        double sortino = downside > 0 ? mean / downside * Math.sqrt(p) : Double.NaN;
        Drawdown drawdown = dd.result(n == 0 ? 0 : times.applyAsLong(n - 1));
        double calmar = drawdown.max < 0 ? cagr / Math.abs(drawdown.max) : Double.NaN;
        double finalEquity = n == 0 ? in.initialCash() : equity[n - 1];
        double net = n == 0 || contributed == null ? 0 : contributed[n - 1];
        double mwr = xirr(times, n, contributed, in.initialCash(), finalEquity, true);
        double exposure = n == 0 ? Double.NaN : (double) in.investedSteps() / n;
        double meanEquity = n == 0 ? Double.NaN : equitySum / n;
        double turnover = meanEquity > 0 ? in.tradedNotional() / meanEquity : Double.NaN;

        int closed = 0;
        int wins = 0;
        double gains = 0;
        double losses = 0;
        double winReturns = 0;
        double lossReturns = 0;
        int lossCount = 0;
        double best = Double.NaN;
        double worst = Double.NaN;
        for (Trade t : in.trades()) {
            if (t.open()) {
                continue;
            }
            closed++;
            if (t.pnl() > 0) {
                wins++;
                gains += t.pnl();
                winReturns += t.tradeReturn();
            } else if (t.pnl() < 0) {
                losses += t.pnl();
                lossReturns += t.tradeReturn();
                lossCount++;
            }
            best = Double.isNaN(best) ? t.tradeReturn() : Math.max(best, t.tradeReturn());
            worst = Double.isNaN(worst) ? t.tradeReturn() : Math.min(worst, t.tradeReturn());
        }
        double winRate = closed == 0 ? Double.NaN : (double) wins / closed;
        double profitFactor = losses < 0 ? gains / -losses : Double.NaN;
        double averageWin = wins == 0 ? Double.NaN : winReturns / wins;
        double averageLoss = lossCount == 0 ? Double.NaN : lossReturns / lossCount;

        double beta = Double.NaN;
        double correlation = Double.NaN;
        if (bench != null) {
            beta = varB > 0 ? cov / varB : Double.NaN;
            correlation = squares > 0 && varB > 0 ? cov / Math.sqrt(squares * varB) : Double.NaN;
        }
        return new Metrics(totalReturn, cagr, volatility, sharpe, sortino, drawdown.max, drawdown.longestDays, calmar,
                mwr, in.initialCash(), net, finalEquity, finalEquity - in.initialCash() - net, exposure, turnover,
                in.feesPaid(), in.fundingPaid(), in.liquidations(), closed, winRate, profitFactor, averageWin,
                averageLoss, best, worst, beta, correlation, p, in.riskFreeRate());
    }

    /** The deepest drawdown and the longest one (in days), of the index built from the period returns. */
    record Drawdown(double max, double longestDays) {
    }

    /**
     * Follows the index built from period returns, one at a time, for its deepest and longest
     * drawdown. Whether a step is a new peak is close to a coin toss on a trading curve, so the
     * step selects its new state rather than branching on it (a mispredicted branch a step was a
     * third of the metrics' pass on the SMA crossover); the longest drawdown is kept in
     * milliseconds and divided once, the same double since the division is monotonic.
     */
    private static final class DrawdownTracker {
        private double peak = 1;
        private long peakTime;
        private double max;
        private double trough = 1;
        private long longest;
        private boolean under;

        DrawdownTracker(long firstTime) {
            this.peakTime = firstTime;
        }

        /** Moves to step {@code t}, where the index Π(1 + r) stands at {@code index}. */
        void next(double index, java.util.function.IntToLongFunction times, int t) {
            boolean atPeak = index >= peak;
            long time = times.applyAsLong(t);
            longest = Math.max(longest, under && atPeak ? time - peakTime : 0);
            peakTime = atPeak ? time : peakTime;
            peak = atPeak ? index : peak;
            under = !atPeak;
            // A division only at a deeper drawdown than the deepest so far: most steps under
            // water are not one.
            if (atPeak || index < trough) {
                if (!atPeak) {
                    max = Math.min(max, index / peak - 1);
                }
                trough = peak * (1 + max);
            }
        }

        Drawdown result(long lastTime) {
            if (under) {
                longest = Math.max(longest, lastTime - peakTime);
            }
            return new Drawdown(max, longest / DAY_MILLIS);
        }
    }

    /**
     * Returns the annual rate x with Σ cf<sub>i</sub> (1 + x)<sup>−(t<sub>i</sub> − t<sub>0</sub>) / 365 days</sup> = 0
     * for the cash flows of the account seen from the investor: the initial cash and each flow
     * paid in (negative), the final equity received (positive). A root with ln(1 + x) in
     * [−700, 700] is found, so rates down to −100 % are; a root below that is −1 to double
     * precision and returned as −1. When no rate solves it, a final equity &lt;= 0 is a total
     * loss, −1 (−100 %); otherwise, as with fewer than two steps, the rate is NaN.
     *
     * <p>The equation is solved for y = ln(1 + x) by bisection to adjacent doubles, then
     * x = expm1(y). Each NPV is scaled by a positive factor, which keeps its sign and root, so that
     * no power overflows: by (1 + x)<sup>T</sup> for y &lt; 0, T the time of the last non-zero flow,
     * giving exponents (T − t<sub>i</sub>) y &lt;= 0; by (1 + x)<sup>t<sub>f</sub></sup> for y &gt;= 0,
     * t<sub>f</sub> the time of the first, giving −(t<sub>i</sub> − t<sub>f</sub>) y &lt;= 0.
     *
     * <h2>Cheap signs</h2>
     * Bisection needs only the sign of each midpoint's NPV until the last steps, and an NPV far
     * from zero has it beyond doubt from a cheaper sum: with {@code cheapSigns}, each point's
     * discount factors are built by multiplying one power per gap between flows (one exponential
     * per distinct gap: weekly contributions need one) instead of one exponential per flow, and
     * that sum decides when it exceeds a bound on its own error and on the rounding of the exact
     * sum ({@link #certainSign}). Near the root (a bracket narrower than {@link #ANCHORED_WIDTH})
     * the last exact sum decides instead, through its slope and rigorous bounds on the exact
     * sums' rounding and the line's error ({@link Npv#certainSign}), for the cost of one
     * multiplication: about half the exact sums of a weekly-contribution run are left, those
     * where rounding alone decides the sign. Otherwise, and for the two points finally compared,
     * the NPV is summed exactly as without: the bisection visits the same points and returns the
     * same bits (a sweep spent half its time here).
     */
    static double xirr(java.util.function.IntToLongFunction times, int n, double[] contributed, double initialCash,
            double finalEquity, boolean cheapSigns) {
        if (n < 2) {
            return Double.NaN;
        }
        long first = times.applyAsLong(0);
        int count = 2;
        if (contributed != null) {
            for (int t = 1; t < n; t++) {
                count += contributed[t] - contributed[t - 1] != 0 ? 1 : 0;
            }
        }
        int flows = 0;
        double[] amounts = new double[count];
        double[] years = new double[count];
        long[] millis = new long[count];
        amounts[flows] = -(initialCash + (contributed == null ? 0 : contributed[0]));
        millis[flows] = first;
        years[flows++] = 0;
        for (int t = 1; contributed != null && t < n; t++) {
            double flow = contributed[t] - contributed[t - 1];
            if (flow != 0) {
                amounts[flows] = -flow;
                millis[flows] = times.applyAsLong(t);
                years[flows++] = (millis[flows - 1] - first) / (365 * DAY_MILLIS);
            }
        }
        amounts[flows] = finalEquity;
        millis[flows] = times.applyAsLong(n - 1);
        years[flows++] = (millis[flows - 1] - first) / (365 * DAY_MILLIS);
        int firstFlow = 0;
        while (firstFlow < flows && amounts[firstFlow] == 0) {
            firstFlow++;
        }
        if (firstFlow == flows) {
            return Double.NaN; // nothing paid in or out: no rate means anything
        }
        int lastFlow = flows - 1;
        while (amounts[lastFlow] == 0) {
            lastFlow--;
        }
        double lo = -700;
        double hi = 700;
        // The latest NPV summed exactly, whose slope decides the points near it: one object a call.
        Npv npv = new Npv();
        double fLo = npv.sumAt(amounts, years, firstFlow, lastFlow, lo);
        double fHi = npv.sumAt(amounts, years, firstFlow, lastFlow, hi);
        if (Double.isNaN(fLo) || Double.isNaN(fHi)) {
            return Double.NaN;
        }
        if (fLo == 0 || fHi == 0) {
            return Math.expm1(fLo == 0 ? lo : hi);
        }
        if (Math.signum(fLo) == Math.signum(fHi)) {
            // As y -> -inf only the flows at the last one's time keep their weight: if their sum
            // has the other sign (or is 0), the root lies below -700, where expm1 is -1 anyway.
            double atMinusInfinity = 0;
            for (int i = firstFlow; i <= lastFlow; i++) {
                atMinusInfinity += years[i] == years[lastFlow] ? amounts[i] : 0;
            }
            boolean rootBelow = atMinusInfinity == 0 || Math.signum(atMinusInfinity) != Math.signum(fHi);
            return rootBelow || finalEquity <= 0 ? -1 : Double.NaN;
        }
        // Bisection to adjacent doubles: at most about 1,100 halvings from [-700, 700] even when
        // the root is 0 and rounding keeps the NPV there from being exactly 0. The NPVs at lo and
        // hi are known exactly unless a cheap sign moved them (NaN): then they are summed at the end.
        double signLo = Math.signum(fLo);
        double sizes = 0;
        for (int i = firstFlow; i <= lastFlow; i++) {
            sizes += Math.abs(amounts[i]);
        }
        while (true) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            double fMid = Double.NaN;
            double signMid = 0;
            if (cheapSigns) {
                signMid = npv.certainSign(mid, sizes);
                if (signMid == 0 && hi - lo > ANCHORED_WIDTH) {
                    signMid = certainSign(amounts, millis, firstFlow, lastFlow, mid, sizes);
                }
            }
            if (signMid == 0) {
                fMid = npv.sumAt(amounts, years, firstFlow, lastFlow, mid);
                if (fMid == 0) {
                    return Math.expm1(mid);
                }
                signMid = Math.signum(fMid);
            }
            if (signMid == signLo) {
                lo = mid;
                fLo = fMid;
            } else {
                hi = mid;
                fHi = fMid;
            }
        }
        fLo = Double.isNaN(fLo) ? npv.sumAt(amounts, years, firstFlow, lastFlow, lo) : fLo;
        fHi = Double.isNaN(fHi) ? npv.sumAt(amounts, years, firstFlow, lastFlow, hi) : fHi;
        return Math.expm1(Math.abs(fLo) <= Math.abs(fHi) ? lo : hi);
    }

    /**
     * Returns the sign of the exact NPV ({@link Npv#sumAt}) at {@code y} when a cheaper sum settles it beyond
     * doubt, else 0. The discount factor of each flow is the previous one's times
     * exp(−gap / 365 days × |y|), walking away from the flow whose factor is 1 (the first for
     * y &gt;= 0, the last for y &lt; 0), one exponential per distinct gap. Each factor is then
     * within about n·u (1 + |y|) of the exact sum's, relatively (u = 2<sup>−53</sup>, n flows:
     * the products, and the rounding of the exact sum's years and exponents), and both sums'
     * roundings within n·u of the sum of the terms' sizes; flows whose factor falls below the
     * normal range count with their whole size. The sign is taken when the sum exceeds a
     * thousand times those bounds.
     */
    private static double certainSign(double[] amounts, long[] millis, int first, int last, double y, double sizes) {
        double sum = 0;
        double size = 0;
        double factor = 1;
        long gap = -1;
        double step = 1;
        int direction = y < 0 ? -1 : 1;
        int from = y < 0 ? last : first;
        int to = y < 0 ? first : last;
        double rate = -Math.abs(y) / (365 * DAY_MILLIS);
        for (int i = from; ; i += direction) {
            double term = amounts[i] * factor;
            sum += term;
            size += Math.abs(term);
            if (i == to) {
                break;
            }
            long next = Math.abs(millis[i + direction] - millis[i]);
            if (next != gap) {
                gap = next;
                step = Math.exp(gap * rate);
            }
            factor *= step;
        }
        int n = last - first + 1;
        double bound = 1e3 * (n * 0x1p-53 * (1 + Math.abs(y)) * 4 * size + 4 * Double.MIN_NORMAL * sizes);
        return sum > bound ? 1 : (sum < -bound ? -1 : 0);
    }

    /**
     * Below this width of the bracket (in y = ln(1 + x)), a point the last exact NPV's slope
     * cannot decide is summed exactly rather than by {@link #certainSign}: the exact sum then
     * serves as the next anchor, closer to the root.
     */
    private static final double ANCHORED_WIDTH = 1e-3;

    /**
     * The NPV last summed exactly, with what bounds the exact sum at points near it: its slope
     * Σ g<sub>i</sub> t<sub>i</sub>, the terms' sizes Σ |t<sub>i</sub>|, their curvature
     * Σ g<sub>i</sub>² |t<sub>i</sub>| and the largest |g<sub>i</sub>|, t<sub>i</sub> the terms
     * a<sub>i</sub> e<sup>g<sub>i</sub> y</sup> and g<sub>i</sub> = shift − years<sub>i</sub> as
     * doubles. Mutable and private to one {@link #xirr} call, so that a call allocates one, not
     * one per exact sum.
     */
    private static final class Npv {

        private static final double U = 0x1p-53;

        private double y = Double.NaN;
        private double value;
        private double slope;
        private double size;
        private double curvature;
        private double reach;
        private int flows;

        /**
         * Returns the NPV of flows {@code first..last} at y = ln(1 + x), times (1 + x) to the
         * power of the last flow's time when y &lt; 0 and of the first flow's time otherwise, and
         * keeps it with its bounds. Zero flows outside that range are left out: their exponents
         * would be positive.
         */
        double sumAt(double[] amounts, double[] years, int first, int last, double y) {
            double shift = y < 0 ? years[last] : years[first];
            double sum = 0;
            double slope = 0;
            double size = 0;
            double curvature = 0;
            double reach = 0;
            for (int i = first; i <= last; i++) {
                double g = shift - years[i];
                double term = amounts[i] * Math.exp(g * y);
                sum += term;
                slope += term * g;
                size += Math.abs(term);
                curvature += Math.abs(term) * g * g;
                reach = Math.max(reach, Math.abs(g));
            }
            this.y = y;
            this.value = sum;
            this.slope = slope;
            this.size = size;
            this.curvature = curvature;
            this.reach = reach;
            this.flows = last - first + 1;
            return sum;
        }

        /**
         * Returns the sign of the exact sum at {@code x} when the line through this one with its
         * slope settles it beyond doubt, else 0. With f(x) = Σ a<sub>i</sub> e<sup>g<sub>i</sub> x</sup>
         * in real arithmetic, δ = x − y and R = e<sup>max|g| |δ|</sup>: a summed NPV is within
         * E(x) = (n + 3 + max|g| |x|) u S(x) of f (each term within (|g x| + 3) u, the exponential
         * within an ulp; the sum within (n − 1) u of the terms' sizes), S(x) &lt;= R S(y); the slope
         * within (n + 4 + max|g| |y|) u max|g| S(y) of f′(y); and f(x) − f(y) − f′(y) δ within
         * δ² / 2 · R Σ g<sub>i</sub>² |t<sub>i</sub>|. The sign is taken when the line's value
         * exceeds four times the sum of these bounds, the rounding of the line's own arithmetic
         * and a term for subnormal exponentials; points of the other sign of y are scaled
         * otherwise and not decided here.
         */
        double certainSign(double x, double sizes) {
            if (Double.isNaN(y) || (x < 0) != (y < 0)) {
                return 0;
            }
            double d = x - y;
            double far = Math.abs(d);
            double grow = Math.exp(reach * far) * 1.01;
            if (!(grow < 2)) {
                return 0;
            }
            double line = value + slope * d;
            double bound = (flows + 3 + reach * Math.abs(y)) * U * 1.01 * size
                    + (flows + 3 + reach * Math.abs(x)) * U * 1.01 * size * grow
                    + far * (flows + 4 + reach * Math.abs(y)) * U * 1.01 * reach * size
                    + 0.5 * d * d * curvature * 1.01 * grow
                    + U * (Math.abs(value) + 3 * Math.abs(slope * d))
                    + 8 * Double.MIN_NORMAL * sizes;
            return line > 4 * bound ? 1 : (line < -4 * bound ? -1 : 0);
        }
    }
}

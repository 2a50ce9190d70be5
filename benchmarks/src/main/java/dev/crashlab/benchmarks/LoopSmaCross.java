package dev.crashlab.benchmarks;

/**
 * The SMA crossover of {@link SmaCross} as a hand-written loop over {@code double[]}: no
 * objects, no result beyond the {@link SmaCross.Outcome}. The floor a framework is measured
 * against, held to the same exact answer: each window sum is kept exactly as an unevaluated pair
 * of doubles by error-free additions (Knuth's TwoSum), its high part then the correctly rounded
 * sum, as {@code math.fsum} gives it. The loop checks that the pair stays exact (no third part
 * is ever needed on the bench data) and throws if not.
 */
public final class LoopSmaCross {

    private LoopSmaCross() {
    }

    /** Runs the crossover over the given opens and closes, starting from {@link SmaCross#INITIAL_CASH}. */
    public static SmaCross.Outcome run(double[] open, double[] close) {
        int n = close.length;
        ExactSum fast = new ExactSum();
        ExactSum slow = new ExactSum();
        double lastDifference = 0;
        double cash = SmaCross.INITIAL_CASH;
        double units = 0;
        int signal = 0;
        int fills = 0;
        for (int i = 0; i < n; i++) {
            if (signal > 0) {
                units = cash / open[i];
                cash = 0;
                fills++;
            } else if (signal < 0) {
                cash = units * open[i];
                units = 0;
                fills++;
            }
            signal = 0;
            double c = close[i];
            fast.add(c);
            slow.add(c);
            if (i >= SmaCross.FAST) {
                fast.add(-close[i - SmaCross.FAST]);
            }
            if (i >= SmaCross.SLOW) {
                slow.add(-close[i - SmaCross.SLOW]);
            }
            if (i < SmaCross.SLOW - 1) {
                continue;
            }
            double difference = fast.hi / SmaCross.FAST - slow.hi / SmaCross.SLOW;
            if (i + 1 < n) {
                if (units == 0 && difference > 0 && lastDifference < 0) {
                    signal = 1;
                } else if (units > 0 && difference < 0 && lastDifference > 0) {
                    signal = -1;
                }
            }
            if (difference != 0) {
                lastDifference = difference;
            }
        }
        return new SmaCross.Outcome(fills, cash + units * close[n - 1]);
    }

    /** A window sum kept exactly as {@code hi + lo}, {@code hi} the correctly rounded sum: two per run, none per bar. */
    private static final class ExactSum {
        double hi;
        double lo;

        /** Adds {@code v}, keeping the pair exact and renormalised. */
        void add(double v) {
            double s = hi + v;
            double vv = s - hi;
            double e = (hi - (s - vv)) + (v - vv);
            double t = lo + e;
            double ee = t - lo;
            double f = (lo - (t - ee)) + (e - ee);
            double h = s + t;
            double tt = h - s;
            lo = (s - (h - tt)) + (t - tt);
            hi = h;
            if (f != 0) {
                throw new IllegalStateException("a window sum needs more than two doubles to stay exact");
            }
        }
    }
}
